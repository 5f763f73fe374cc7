package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ListSearchPage.ListKind;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.Representation;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.platform.api.SubjectKind;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The citizen screens of the platform features, driven by touches on the real kiosk view: manual USCC entry, the
 * public list search and the objection form.
 */
class CitizenScreensTest {

    private static Stage stage;
    private static KioskView view;
    private static final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private static final List<String> searches = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void setUp() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            KioskFonts.load();
            view = new KioskView(new Texts(Language.ZH), new KioskNotices(),
                    new KioskIdentity("YL-DEMO-01-K01", "榆林市政务服务中心", "Yulin Government Service Center", "0912-12345", Language.ZH),
                    events::add, Optional.of(CitizenScreensTest::fakeSearch));
            KioskStage.prepare(s, view, 1920, 1080, true);
            s.show();
        });
    }

    @AfterAll
    static void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @BeforeEach
    void clear() {
        events.clear();
        searches.clear();
    }

    // --- fakes and helpers ---------------------------------------------------------------------------------------

    /** Seven matches for 榆林 (two pages of five), none for anything else, a failure for "ERR". Answers off the FX thread. */
    private static CompletableFuture<ListSearchPage> fakeSearch(String q, Optional<ListKind> kind, int page, int size) {
        searches.add(q + "|" + kind.map(Enum::name).orElse("ALL") + "|" + page);
        return CompletableFuture.supplyAsync(() -> {
            if (q.equals("ERR")) {
                throw new java.util.concurrent.CompletionException(
                        new PlatformException.Api(429, "RATE_LIMITED", "slow down", Optional.of("req-1"), Optional.of(java.time.Duration.ofSeconds(5))));
            }
            if (!q.contains("榆林")) {
                return new ListSearchPage(page, size, 0, List.of());
            }
            String[] names = {"榆林市塞上商贸有限公司", "榆林市榆阳区惠民餐饮店", "榆林市北方建设工程有限公司", "榆林市青山科技有限公司",
                    "榆林市恒通物流有限公司", "榆林市鑫源煤业有限公司", "榆林市长城建材商贸有限公司"};
            String[] usccs = {"914403001922038216", "9144030071526726XG", "12100000425006133D"};
            List<ListSearchPage.Item> items = new ArrayList<>();
            for (int i = (page - 1) * size; i < Math.min(names.length, page * size); i++) {
                boolean red = i % 3 != 1;
                items.add(new ListSearchPage.Item(red ? ListKind.RED : ListKind.BLACK, names[i],
                        i == 1 ? Optional.empty() : Optional.of(usccs[i % 3]),
                        red ? "纳税信用A级纳税人" : "严重违法失信主体名单",
                        red ? "国家税务总局榆林市税务局" : "榆林市市场监督管理局", LocalDate.of(2026, 3, 1 + i)));
            }
            return new ListSearchPage(page, size, names.length, items);
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    private static SessionView sessionView(SessionState state, Optional<CreditRecord> record, Optional<Notice> notice,
            Optional<String> itemId, Optional<ObjectionTicket> ticket, Optional<Notice.OutOfService> outOfService) {
        return new SessionView(state, Optional.of(new Person("李晓梅", "610802********0026")),
                List.of(new Representation("914403001922038216", "榆林市塞上商贸有限公司", SubjectKind.ENTERPRISE,
                        Representation.Role.LEGAL_REPRESENTATIVE)),
                Optional.empty(), record, notice, Optional.empty(), itemId, ticket, outOfService, Optional.empty(), java.util.Set.of(), true, false);
    }

    private static SessionView attractView(Optional<Notice.OutOfService> outOfService) {
        return new SessionView(SessionState.ATTRACT, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), outOfService, Optional.empty(), java.util.Set.of(), true, false);
    }

    private static void show(SessionView v) {
        WaitForAsyncUtils.asyncFx(() -> view.render(v));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), name);
    }

    private void tap(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a key of the on-screen keyboard (fired on the FX thread: the robot's mouse travel is slow). */
    private static void press(String id) {
        try {
            // Nodes inside a scroll pane appear once its skin is laid out.
            waitUntil(() -> view.lookup("#" + id) != null);
        } catch (TimeoutException e) {
            // the assertion below names the missing node
        }
        WaitForAsyncUtils.asyncFx(() -> {
            Node n = view.lookup("#" + id);
            assertThat(n).as(id).isNotNull();
            ((Button) n).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses keys one after the other in one go on the FX thread, as a quick typist would. */
    private static void typeKeys(String s) {
        WaitForAsyncUtils.asyncFx(() -> {
            for (char c : s.toCharArray()) {
                Node n = view.lookup("#key-" + c);
                assertThat(n).as("key " + c).isNotNull();
                ((Button) n).fire();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types pinyin letters on the keyboard and picks the candidate that reads {@code word}, paging if need be. */
    private static void pinyin(String letters, String word) throws Exception {
        waitUntil(() -> org.creditkiosk.ui.input.PinyinDictionary.shared().isDone());
        typeKeys(letters);
        assertThat(text("osk-pinyin")).isEqualTo(letters);
        for (int page = 0; page < 10; page++) {
            String id = WaitForAsyncUtils.asyncFx(() -> {
                for (int i = 0; i < OnScreenKeyboard.CANDIDATES_PER_PAGE; i++) {
                    Node n = view.lookup("#cand-" + i);
                    if (n instanceof Button b && b.getText().equals(word)) {
                        return "cand-" + i;
                    }
                }
                return null;
            }).get();
            if (id != null) {
                press(id);
                return;
            }
            assertThat(disabled("cand-next")).as(word + " among the candidates for " + letters).isFalse();
            press("cand-next");
        }
        throw new AssertionError(word + " not within ten pages of candidates for " + letters);
    }

    private static String text(String id) {
        Node n = view.lookup("#" + id);
        assertThat(n).as(id).isNotNull();
        if (n instanceof javafx.scene.control.TextInputControl t) {
            return t.getText();
        }
        return ((Labeled) n).getText();
    }

    private static boolean disabled(String id) {
        Node n = view.lookup("#" + id);
        assertThat(n).as(id).isNotNull();
        return n.isDisabled();
    }

    private static List<SessionEvent> citizenEvents() {
        return events.stream().filter(e -> !(e instanceof SessionEvent.UserActivity)).toList();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private static CreditRecord personRecord() throws Exception {
        return Json.mapper().readValue(CitizenScreensTest.class.getResourceAsStream("/records/person-sample.json"), CreditRecord.class);
    }

    // --- USCC entry ------------------------------------------------------------------------------------------------

    @Test
    void usccEntryRefusesAWrongCodeAndAcceptsValidOnes() throws Exception {
        show(sessionView(SessionState.CHOOSING_SUBJECT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        shot("20-choice-with-uscc-button");
        tap("choice-enter-uscc");
        assertThat(view.lookup("#screen-uscc-entry")).isNotNull();
        UsccEntryScreen entry = (UsccEntryScreen) view.lookup("#screen-uscc-entry");
        assertThat(disabled("uscc-confirm")).isTrue();
        assertThat(disabled("key-O")).as("O is not in the GB 32100 set").isTrue();
        shot("21-uscc-empty");

        // The wrong code of the acceptance: its first 17 characters typed, the Z key is dead, so it arrives whole.
        typeKeys("91350100M000100Y4");
        assertThat(text("uscc-message")).contains("还需输入 1 位");
        press("key-Z");
        assertThat(entry.code().get()).isEqualTo("91350100M000100Y4");
        WaitForAsyncUtils.asyncFx(() -> entry.code().set("91350100M000100Y4Z"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("uscc-message")).contains("校验码");
        assertThat(disabled("uscc-confirm")).isTrue();
        shot("22-uscc-wrong-check");
        press("uscc-confirm");
        // A typeable but wrong check character is refused just the same.
        press("key-backspace");
        char right = UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4");
        typeKeys(right == 'A' ? "B" : "A");
        assertThat(text("uscc-message")).contains("第18位校验码不正确");
        assertThat(disabled("uscc-confirm")).isTrue();
        // A broken organisation code and a letter in the area code are named as such.
        press("key-clear");
        typeKeys("91440300192203821");
        typeKeys("5");
        assertThat(text("uscc-message")).containsAnyOf("校验码", "组织机构代码");
        press("key-clear");
        typeKeys("914A");
        assertThat(text("uscc-message")).contains("第 4 位应为数字");
        shot("23-uscc-area-code");
        press("language");
        assertThat(text("uscc-message")).startsWith("Character 4 must be a digit");
        shot("23b-uscc-english");
        press("language");
        assertThat(citizenEvents()).isEmpty();

        for (String valid : List.of("914403001922038216", "9144030071526726XG", "12100000425006133D")) {
            press("key-clear");
            typeKeys(valid);
            assertThat(text("uscc-message")).contains("校验通过");
            assertThat(disabled("uscc-confirm")).isFalse();
            if (valid.endsWith("XG")) {
                shot("24-uscc-valid");
            }
            if (valid.startsWith("91440300192")) {
                tap("uscc-confirm");
            } else {
                press("uscc-confirm");
            }
        }
        assertThat(citizenEvents()).containsExactly(
                new SessionEvent.ChooseOrganization("914403001922038216"),
                new SessionEvent.ChooseOrganization("9144030071526726XG"),
                new SessionEvent.ChooseOrganization("12100000425006133D"));

        press("uscc-back");
        assertThat(view.lookup("#screen-choosing_subject")).isNotNull();
    }

    // --- public list search ----------------------------------------------------------------------------------------

    @Test
    void listSearchShowsPagesNoMatchAndFailures() throws Exception {
        show(attractView(Optional.of(Notice.OutOfService.PLATFORM_DOWN)));
        assertThat(view.lookup("#open-list-search")).as("hidden while out of service").isNull();
        show(attractView(Optional.empty()));
        shot("30-attract-with-lists-button");
        tap("open-list-search");
        assertThat(view.lookup("#screen-list-search")).isNotNull();
        assertThat(disabled("lists-search")).isTrue();
        shot("31-lists-empty");

        // Initials first: yl offers 榆林 on the first page (the hall's place names lead their spellings).
        waitUntil(() -> org.creditkiosk.ui.input.PinyinDictionary.shared().isDone());
        typeKeys("yl");
        assertThat(text("cand-0")).isEqualTo("榆林");
        shot("31a-lists-pinyin-initials");
        press("key-backspace");
        press("key-backspace");
        assertThat(text("osk-pinyin")).isEmpty();
        // A company name in full pinyin, word by word as a citizen reads it.
        pinyin("yulinshi", "榆林市");
        pinyin("saishang", "塞上");
        pinyin("shangmao", "商贸");
        assertThat(text("lists-query")).isEqualTo("榆林市塞上商贸");
        shot("31b-lists-pinyin-name");
        tap("lists-search");
        waitUntil(() -> view.lookup("#lists-total") != null);
        assertThat(text("lists-total")).contains("7");
        assertThat(text("lists-page")).isEqualTo("第 1 / 2 页");
        assertThat(IntStream.range(0, 10).filter(i -> view.lookup("#lists-row-" + i) != null).count()).isEqualTo(5);
        assertThat(disabled("lists-prev")).isTrue();
        shot("32-lists-page-1");
        press("lists-next");
        waitUntil(() -> view.lookup("#lists-page") != null && "第 2 / 2 页".equals(text("lists-page")));
        assertThat(view.lookup("#lists-row-2")).isNull();
        assertThat(disabled("lists-next")).isTrue();
        press("language");
        assertThat(text("lists-page")).isEqualTo("Page 2 of 2");
        shot("32b-lists-english");
        press("language");

        press("lists-black");
        waitUntil(() -> view.lookup("#lists-page") != null && "第 1 / 2 页".equals(text("lists-page")));
        assertThat(searches).containsExactly("榆林市塞上商贸|ALL|1", "榆林市塞上商贸|ALL|2", "榆林市塞上商贸|BLACK|1");

        press("key-clear");
        press("key-ime"); // Latin letters
        typeKeys("ACME");
        press("lists-search");
        waitUntil(() -> view.lookup("#lists-no-match") != null);
        assertThat(text("lists-no-match")).contains("未找到").contains("ACME");
        shot("33-lists-no-match");

        press("key-clear");
        typeKeys("ERR");
        press("lists-search");
        waitUntil(() -> view.lookup("#lists-error") != null);
        assertThat(text("lists-error")).isEqualTo(ErrorCatalog.forCode(ErrorCode.RATE_LIMITED).citizenZh());
        shot("34-lists-error");

        tap("lists-back");
        assertThat(view.lookup("#screen-attract")).isNotNull();
        assertThat(citizenEvents()).isEmpty();
    }

    // --- objection -------------------------------------------------------------------------------------------------

    @Test
    void objectionFormValidatesThePhoneSubmitsAndShowsTheTicket() throws Exception {
        CreditRecord record = personRecord();
        show(sessionView(SessionState.OBJECTING, Optional.of(record), Optional.empty(), Optional.of("PM-1"),
                Optional.empty(), Optional.empty()));
        assertThat(text("objection-item")).isEqualTo("食品经营许可证（小餐饮）");
        assertThat(disabled("objection-submit")).isTrue();
        shot("40-objection-empty");

        assertThat(view.lookup("#reason-REPAIRED")).as("credit repair is no objection reason").isNull();
        tap("reason-MISMATCH");
        pinyin("yi", "已");
        pinyin("lvxing", "履行");
        assertThat(text("objection-detail")).isEqualTo("已履行");
        shot("40b-objection-pinyin");
        tap("objection-phone");
        typeKeys("12");
        assertThat(text("objection-phone-message")).contains("13至19");
        press("key-clear");
        typeKeys("1381234567");
        assertThat(text("objection-phone-message")).contains("还需输入 1 位");
        assertThat(disabled("objection-submit")).isTrue();
        typeKeys("8");
        assertThat(text("objection-phone-message")).contains("正确");
        assertThat(disabled("objection-submit")).isFalse();
        shot("41-objection-filled");
        // A language switch re-renders the form in English and keeps what was typed.
        tap("language");
        assertThat(text("objection-phone")).isEqualTo("13812345678");
        assertThat(text("objection-submit")).isEqualTo("File dispute");
        shot("41b-objection-english");
        press("language");

        tap("objection-submit");
        List<SessionEvent> sent = citizenEvents();
        assertThat(sent).hasSize(1);
        SessionEvent.SubmitObjection submit = (SessionEvent.SubmitObjection) sent.get(0);
        assertThat(submit.request().itemId()).isEqualTo("PM-1");
        assertThat(submit.request().uscc()).isEmpty();
        assertThat(submit.request().reason()).isEqualTo("信息与事实不符：已履行");
        assertThat(submit.request().contactPhone()).isEqualTo("13812345678");
        assertThat(disabled("objection-submit")).as("no second submission while waiting").isTrue();

        // The platform refuses: the banner tells why and the form is usable again with what was typed.
        show(sessionView(SessionState.OBJECTING, Optional.of(record), Optional.of(new Notice.PlatformError(ErrorCode.OBJECTION_OPEN)), Optional.of("PM-1"),
                Optional.empty(), Optional.empty()));
        assertThat(view.lookup("#objection-notice")).isNotNull();
        assertThat(text("objection-phone")).isEqualTo("13812345678");
        assertThat(disabled("objection-submit")).isFalse();
        shot("42-objection-notice");

        ObjectionTicket ticket = new ObjectionTicket("YY-2026-001734", "PM-1", ObjectionTicket.Status.RECEIVED,
                Optional.of(LocalDate.of(2026, 11, 27)), Optional.of(LocalDate.of(2026, 12, 17)));
        show(sessionView(SessionState.OBJECTING, Optional.of(record), Optional.empty(), Optional.of("PM-1"),
                Optional.of(ticket), Optional.empty()));
        assertThat(text("objection-ticket-no")).isEqualTo("YY-2026-001734");
        assertThat(text("objection-due-on")).isEqualTo("2026-12-17");
        shot("43-objection-ticket");
        events.clear();
        tap("objection-done");
        assertThat(citizenEvents()).containsExactly(new SessionEvent.BackToRecord());
    }

    @Test
    void anOrganisationsObjectionCarriesItsCode() throws Exception {
        CreditRecord p = personRecord();
        Subject org = new Subject(SubjectKind.ENTERPRISE, "榆林市塞上商贸有限公司", Optional.empty(),
                Optional.of("914403001922038216"), Optional.of("李晓梅"), Optional.empty(), Optional.empty(), Optional.of("存续"));
        CreditRecord record = new CreditRecord(p.recordId(), p.recordVersion(), p.generatedAt(), p.dataAsOf(), org,
                Optional.empty(), p.redList(), p.blackList(), p.permits(), p.penalties(), p.commitments(), p.judicial(),
                p.benefits(), p.objections(), p.notice());
        show(sessionView(SessionState.OBJECTING, Optional.of(record), Optional.empty(), Optional.of("RL-1"),
                Optional.empty(), Optional.empty()));
        press("reason-OTHER");
        assertThat(disabled("objection-submit")).isTrue();
        pinyin("xinxi", "信息");
        pinyin("you", "有");
        pinyin("wu", "误");
        assertThat(text("objection-reason-message")).contains("至少");
        pinyin("bushi", "不是");
        pinyin("benren", "本人");
        tap("objection-phone");
        typeKeys("15900001111");
        tap("objection-submit");
        SessionEvent.SubmitObjection submit = (SessionEvent.SubmitObjection) citizenEvents().get(0);
        assertThat(submit.request().uscc()).contains("914403001922038216");
        assertThat(submit.request().reason()).isEqualTo("信息有误不是本人");
    }

    // --- elderly-friendly mode (issue 13) ----------------------------------------------------------------------------

    private static SessionView elderly(SessionView v, boolean on) {
        return v.withElderly(on);
    }

    /** Font sizes of the texts under {@code root} in scene order, the keyboard's keys and the switch itself left out. */
    private static List<Double> fontSizes(String rootId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<Double> out = new ArrayList<>();
            Node root = rootId == null ? view : view.lookup("#" + rootId);
            assertThat(root).as(rootId).isNotNull();
            collect(root, out);
            return out;
        }).get();
    }

    private static void collect(Node n, List<Double> out) {
        // Left out: the keyboard (fixed key boxes), the switch itself, icons (a drawn mark, not text).
        if (n.getStyleClass().contains("osk") || n.getStyleClass().contains("round-mark")
                || "elderly-switch".equals(n.getId()) || !n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getFont().getSize());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Renders a screen normal then elderly: the switch is there, every text is at least 1.3 times larger. */
    private void assertElderly(SessionView normal, String rootId, String shotName) throws Exception {
        show(elderly(normal, false));
        assertThat(view.lookup("#elderly-switch").isVisible()).as("switch on " + normal.state()).isTrue();
        assertThat(text("elderly-switch")).isEqualTo("长辈模式");
        List<Double> before = fontSizes(rootId);
        show(elderly(normal, true));
        assertThat(view.getStyleClass()).contains("elderly");
        assertThat(text("elderly-switch")).isEqualTo("退出长辈模式");
        List<Double> after = fontSizes(rootId);
        assertThat(after).as(normal.state() + " texts").hasSameSizeAs(before).isNotEmpty();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as(normal.state() + " text " + i).isGreaterThanOrEqualTo(before.get(i) * 1.3 - 0.6);
        }
        shot(shotName);
    }

    @Test
    void theElderlyModeOnEveryCitizenScreen() throws Exception {
        SessionView attract = attractView(Optional.empty());
        show(elderly(attract, false));
        events.clear();
        tap("elderly-switch");
        assertThat(citizenEvents()).containsExactly(new SessionEvent.SetElderlyMode(true));
        show(elderly(attract, true));
        assertThat(view.lookup("#screen-attract").lookupAll(".service-item").stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox).count()).as("fewer items").isEqualTo(2);
        shot("60-attract-elderly-on");
        events.clear();
        tap("elderly-switch");
        assertThat(citizenEvents()).containsExactly(new SessionEvent.SetElderlyMode(false));

        assertElderly(sessionView(SessionState.AUTHENTICATING, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "screen-authenticating", "61-authenticating-elderly");
        assertElderly(sessionView(SessionState.CHOOSING_SUBJECT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "screen-choosing_subject", "62-choice-elderly");
        CreditRecord record = personRecord();
        SessionView showing = sessionView(SessionState.SHOWING_RECORD, Optional.of(record), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertElderly(showing, "record-summary", "63-record-elderly-summary");
        // The record leads with the summary and opens one section at a time.
        assertThat(view.lookup("#section-penalties")).isNull();
        press("open-section-penalties");
        waitUntil(() -> view.lookup("#section-penalties") != null);
        assertThat(view.lookup("#section-red")).isNull();
        shot("64-record-elderly-section");
        press("open-section-red");
        waitUntil(() -> view.lookup("#section-red") != null);
        assertThat(view.lookup("#section-penalties")).isNull();
        show(elderly(showing, false));
        // (The record's sections sit in a scroll pane: found once its skin is laid out.)
        waitUntil(() -> view.lookup("#section-penalties") != null && view.lookup("#section-red") != null);
        assertElderly(sessionView(SessionState.CONFIRMING_PRINT, Optional.of(record), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "screen-confirming_print", "65-print-elderly");
        assertElderly(sessionView(SessionState.OBJECTING, Optional.of(record), Optional.empty(), Optional.of("PM-1"),
                Optional.empty(), Optional.empty()), "screen-objecting", "66-objection-elderly");
        SessionView farewell = new SessionView(SessionState.FAREWELL, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("YLXY-20261127-0001-000187"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), true, false);
        assertElderly(farewell, "screen-farewell", "67-farewell-elderly");
        SessionView notice = new SessionView(SessionState.NOTICE, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.of(new Notice.PlatformError(ErrorCode.CARD_REVOKED)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), true, false);
        assertElderly(notice, "screen-notice", "68-notice-elderly");
        show(attract);
        tap("open-list-search");
        assertElderly(attract, "screen-list-search", "69-lists-elderly");
        tap("lists-back");

        // Maintenance and out of service are no citizen screens: no switch.
        show(attractView(Optional.of(Notice.OutOfService.PLATFORM_DOWN)));
        show(new SessionView(SessionState.OUT_OF_SERVICE, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Notice.OutOfService.PLATFORM_DOWN), Optional.empty(), java.util.Set.of(), false, false));
        assertThat(view.lookup("#elderly-switch").isVisible()).isFalse();
    }

    @Test
    void attractRecordAndFarewellInBothLanguages() throws Exception {
        show(attractView(Optional.empty()));
        assertThat(view.lookup("#screen-attract").lookupAll(".label").stream().map(n -> ((Labeled) n).getText()).toList())
                .contains("扫描报告上的二维码，核验信用报告真伪", "个人及企业、社会组织、事业单位、机关的信用记录查询");
        press("language");
        assertThat(view.lookup("#screen-attract").lookupAll(".label").stream().map(n -> ((Labeled) n).getText()).toList())
                .contains("verify a credit report by scanning the code printed on it", "dispute an item of a record");
        shot("70-attract-english");
        press("language");

        CreditRecord record = personRecord();
        show(sessionView(SessionState.SHOWING_RECORD, Optional.of(record), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(text("score-range")).isEqualTo("分值区间 " + record.score().get().min() + "–" + record.score().get().max());
        assertThat(text("score-grades")).contains("AAA", "A 级及以上");
        press("language");
        assertThat(text("score-range")).startsWith("Score range ");
        assertThat(text("score-grades")).contains("AAA", "A and above");
        assertThat(view.lookupAll(".button").stream().map(n -> ((Labeled) n).getText()).toList()).contains("Dispute")
                .doesNotContain("Object");
        shot("71-record-english");
        press("language");

        // A listing that can be repaired says so and where to apply: repair is no dispute.
        CreditRecord listed = Json.mapper().readValue(CitizenScreensTest.class.getResourceAsStream("/demo/records/P-0003.json"),
                CreditRecord.class);
        show(sessionView(SessionState.SHOWING_RECORD, Optional.of(listed), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        waitUntil(() -> view.lookup("#section-black") != null);
        List<String> labels = view.lookup("#section-black").lookupAll(".label").stream()
                .map(n -> ((Labeled) n).getText()).toList();
        assertThat(labels).contains("可申请信用修复")
                .anyMatch(t -> t.startsWith("信用修复不属于异议：请向认定部门（" + listed.blackList().get(0).authority()));
        shot("73-record-repairable");

        // A card visit's farewell asks for the card; a visit without a card never does.
        SessionView cardFarewell = new SessionView(SessionState.FAREWELL, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("YLXY-20261127-0001-000187"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), true, false);
        show(cardFarewell);
        assertThat(text("farewell-take-card")).isEqualTo("请取回您的身份证");
        assertThat(text("farewell-take-report")).isEqualTo("请在下方出纸口取走您的信用报告");
        press("language");
        assertThat(text("farewell-take-card")).isEqualTo("Please take your ID card");
        assertThat(text("farewell-take-report")).isEqualTo("Please take your report from the slot below");
        press("language");
        SessionView appFarewell = new SessionView(SessionState.FAREWELL, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("YLXY-20261127-0001-000188"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), false, false);
        show(appFarewell);
        assertThat(view.lookup("#farewell-take-card")).isNull();
        assertThat(text("farewell-take-report")).isEqualTo("请在下方出纸口取走您的信用报告");
        assertThat(view.lookup("#screen-farewell").lookupAll(".label").stream().map(n -> ((Labeled) n).getText()))
                .noneMatch(t -> t.contains("身份证"));
        shot("72-farewell-without-card");
        press("language");
        assertThat(text("farewell-take-report")).isEqualTo("Please take your report from the slot below");
        assertThat(view.lookup("#screen-farewell").lookupAll(".label").stream().map(n -> ((Labeled) n).getText()))
                .noneMatch(t -> t.contains("ID card"));
        shot("72b-farewell-without-card-english");
        press("language");
    }

    // --- the smaller screen ------------------------------------------------------------------------------------------

    @Test
    void theScreensFitA1280x1024Screen() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            show(sessionView(SessionState.CHOOSING_SUBJECT, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            press("choice-enter-uscc");
            typeKeys("9144030071526726XG");
            assertThat(disabled("uscc-confirm")).isFalse();
            assertKeysAtLeast64();
            shot("50-small-uscc");

            show(attractView(Optional.empty()));
            press("open-list-search");
            pinyin("yl", "榆林");
            press("lists-search");
            waitUntil(() -> view.lookup("#lists-total") != null);
            shot("51-small-lists-results");
            tap("lists-query");
            assertKeysAtLeast64();
            shot("52-small-lists-keyboard");
            typeKeys("shangmao");
            assertThat(text("cand-0")).isEqualTo("商贸");
            shot("52a-small-lists-pinyin-keyboard");
            press("key-clear");
            press("lists-back");

            show(sessionView(SessionState.OBJECTING, Optional.of(personRecord()), Optional.empty(), Optional.of("PM-1"),
                    Optional.empty(), Optional.empty()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(view.lookup("#osk")).as("keyboard only while typing").isNull();
            shot("53-small-objection");
            press("reason-NOT_MINE");
            tap("objection-phone");
            typeKeys("139");
            assertKeysAtLeast64();
            assertThat(text("objection-phone-message")).contains("还需输入 8 位");
            shot("54-small-objection-typing");
            press("objection-done-typing");
            assertThat(text("objection-phone")).isEqualTo("139");

            // The elderly mode at 1280x1024 too.
            show(elderly(attractView(Optional.empty()), true));
            shot("55-small-attract-elderly");
            show(elderly(sessionView(SessionState.SHOWING_RECORD, Optional.of(personRecord()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()), true));
            press("open-section-permits");
            waitUntil(() -> view.lookup("#section-permits") != null);
            shot("56-small-record-elderly");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void assertKeysAtLeast64() {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> keys = new ArrayList<>(view.lookupAll(".osk-key"));
        assertThat(keys).isNotEmpty();
        for (Node k : keys) {
            assertThat(k.getLayoutBounds().getWidth()).as(k.getId()).isGreaterThanOrEqualTo(64);
            assertThat(k.getLayoutBounds().getHeight()).as(k.getId()).isGreaterThanOrEqualTo(64);
        }
    }
}
