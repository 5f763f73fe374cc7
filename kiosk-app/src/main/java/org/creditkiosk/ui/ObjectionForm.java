package org.creditkiosk.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;

/**
 * The objection form (state OBJECTING): which item is disputed, why (a common reason and/or words typed on the
 * touch keyboard), and a mainland mobile number for the department's answer. Submitting emits
 * {@link SessionEvent.SubmitObjection}; once the session holds the ticket the form turns into a confirmation with
 * the ticket number and the due date. A platform refusal (e.g. OBJECTION_OPEN) arrives as the view's notice and is
 * shown as a banner, with what was typed kept.
 *
 * <p>The phone number lives only in this node and in the request; nothing here logs it.
 */
public final class ObjectionForm extends StackPane {

    /** Contract {@code ObjectionRequest.contactPhone}. */
    static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    static final int PHONE_LENGTH = 11;
    /** Contract: the reason is 5 to 500 characters; the typed part leaves room for the chosen reason. */
    static final int MIN_REASON = 5;
    static final int MAX_DETAIL = 400;
    private static final double WIDE = 1500;

    /**
     * The common reasons. The request carries the Chinese wording whatever the screen's language: it is read by
     * the supplying department. "Credit already repaired" is no reason to dispute a record: credit repair is its
     * own application to the listing department (the record screen shows whether an item can be repaired and where).
     */
    public enum Reason {
        MISMATCH("信息与事实不符"),
        NOT_MINE("该记录不属于本人"),
        REVOKED("处罚已撤销或变更"),
        OTHER("");

        private final String wording;

        Reason(String wording) {
            this.wording = wording;
        }

        public String wording() {
            return wording;
        }
    }

    private enum Field { DETAIL, PHONE }

    private final Texts texts;
    private final NoticeTexts notices;
    private final Consumer<SessionEvent> events;
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private SessionView view;
    private Optional<Reason> reason = Optional.empty();
    private Field active = Field.DETAIL;
    private boolean submitting;
    private boolean wide;
    /** Narrow screens (1280x1024) show the keyboard only while a field is being typed into. */
    private boolean editing;
    private Label reasonMessage;
    private Label phoneMessage;
    private Button submit;
    /** The reason's keyboard lives as long as the form: the pinyin typed and the 中/英 choice survive a rebuild. */
    private OnScreenKeyboard textKeyboard;

    public ObjectionForm(Texts texts, NoticeTexts notices, SessionView view, Consumer<SessionEvent> events) {
        this.texts = Objects.requireNonNull(texts);
        this.notices = Objects.requireNonNull(notices);
        this.events = Objects.requireNonNull(events);
        this.view = Objects.requireNonNull(view);
        setId("objection-form");
        detail.addListener((obs, was, is) -> refresh());
        phone.addListener((obs, was, is) -> refresh());
        widthProperty().addListener((obs, was, is) -> {
            boolean w = is.doubleValue() >= WIDE;
            if (w != wide) {
                wide = w;
                rebuild();
            }
        });
        rebuild();
    }

    /** The item this form disputes. */
    public Optional<String> itemId() {
        return view.objectionItemId();
    }

    /** A new view of the same objection: a notice ends the wait, a ticket shows the confirmation. */
    public void update(SessionView next) {
        this.view = Objects.requireNonNull(next);
        if (next.notice().isPresent() || next.objectionTicket().isPresent()) {
            submitting = false;
        }
        rebuild();
    }

    StringProperty detail() {
        return detail;
    }

    StringProperty phone() {
        return phone;
    }

    /** Builds the nodes from the form's state (also after a language switch or a change of width). */
    public void rebuild() {
        reasonMessage = null;
        phoneMessage = null;
        submit = null;
        Optional<ObjectionTicket> ticket = view.objectionTicket();
        getChildren().setAll(ticket.isPresent() ? confirmation(ticket.get()) : form());
        refresh();
    }

    // ---------------------------------------------------------------------------------------------------------

    private Node form() {
        VBox left = new VBox(20);
        view.notice().ifPresent(n -> {
            HBox banner = new HBox(Widgets.label(notices.body(n, texts.language())));
            banner.getStyleClass().add("notice-banner");
            banner.setId("objection-notice");
            left.getChildren().add(banner);
        });
        left.getChildren().add(itemCard());
        left.getChildren().add(reasonCard());

        OnScreenKeyboard keyboard;
        if (active == Field.PHONE) {
            keyboard = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.PHONE);
            keyboard.target(phone, PHONE_LENGTH);
        } else {
            if (textKeyboard == null) {
                textKeyboard = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.TEXT);
                textKeyboard.target(detail, MAX_DETAIL);
            } else {
                textKeyboard.rebuild();
            }
            keyboard = textKeyboard;
        }
        keyboard.setDisable(submitting);
        VBox keys = new VBox(16, Widgets.label(texts.t(active == Field.PHONE ? "objection.typingPhone" : "objection.typingDetail"),
                "keyboard-title"), keyboard);
        keys.getStyleClass().addAll("card", "keyboard-card");
        keys.setAlignment(active == Field.PHONE ? Pos.CENTER : Pos.TOP_CENTER);

        Node body;
        if (wide) {
            HBox.setHgrow(left, Priority.ALWAYS);
            keys.setMinWidth(880);
            keys.setMaxWidth(880);
            HBox columns = new HBox(28, left, keys);
            columns.getStyleClass().add("objection-content");
            body = columns;
        } else if (editing) {
            Node field = active == Field.PHONE
                    ? labelled("objection.phone", field(phone, texts.t("objection.phonePlaceholder"), "objection-phone", Field.PHONE))
                    : labelled("objection.detail", field(detail, texts.t("objection.detailOptional"), "objection-detail", Field.DETAIL));
            Label message = Widgets.label("", "field-message");
            if (active == Field.PHONE) {
                phoneMessage = message;
            } else {
                reasonMessage = message;
            }
            message.setId(active == Field.PHONE ? "objection-phone-message" : "objection-reason-message");
            Button done = Widgets.button(texts.t("objection.doneTyping"), "secondary", "objection-done-typing", () -> {
                editing = false;
                rebuild();
            });
            VBox top = new VBox(10, Widgets.row(20, Pos.CENTER_LEFT, field, done), indented(message));
            top.getStyleClass().add("card");
            VBox column = new VBox(16, top, keys);
            column.getStyleClass().add("objection-content");
            body = column;
        } else {
            VBox column = new VBox(20, left);
            column.getStyleClass().add("objection-content");
            body = column;
        }

        submit = Widgets.button(texts.t("objection.submit"), "primary", "objection-submit", this::submit);
        Node submitNode = submit;
        if (submitting) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(48, 48);
            submitNode = Widgets.row(16, Pos.CENTER_RIGHT, p, Widgets.label(texts.t("objection.submitting"), "muted"), submit);
        }
        HBox bar = new HBox(24,
                Widgets.button(texts.t("objection.back"), "secondary", "objection-back",
                        () -> events.accept(new SessionEvent.BackToRecord())),
                Widgets.hgrow(), submitNode);
        bar.getStyleClass().add("action-bar");
        BorderPane screen = new BorderPane(body);
        screen.setBottom(bar);
        return screen;
    }

    private Node itemCard() {
        ItemSummary item = view.record().flatMap(r -> view.objectionItemId().flatMap(id -> find(r, id)))
                .orElse(new ItemSummary("objections", view.objectionItemId().orElse(""), ""));
        Label section = new Label(shortSection(item.section()));
        section.getStyleClass().addAll("tag", "tag-info");
        Label title = Widgets.label(item.title(), "objection-item-title");
        title.setId("objection-item");
        VBox card = new VBox(10, Widgets.row(14, Pos.CENTER_LEFT, section, title));
        if (view.notice().isEmpty()) {
            // With a notice banner above, the heading gives its room to the banner (1920x1080 has none to spare).
            card.getChildren().add(0, Widgets.label(texts.t("objection.title"), "section-title"));
        }
        String subject = view.record().map(r -> texts.t("objection.subject", r.subject().name())).orElse("");
        String line = item.detail().isEmpty() ? subject : item.detail() + "    " + subject;
        if (!line.isBlank()) {
            card.getChildren().add(Widgets.label(line, "item-line"));
        }
        card.getStyleClass().add("card");
        return card;
    }

    private Node reasonCard() {
        FlowPane chips = new FlowPane(12, 12);
        for (Reason r : Reason.values()) {
            Button b = Widgets.button(texts.t("objection.reason." + r.name()), "chip", "reason-" + r.name(), () -> {
                reason = Optional.of(r);
                active = Field.DETAIL;
                rebuild();
            });
            if (reason.equals(Optional.of(r))) {
                b.getStyleClass().add("selected");
            }
            b.setDisable(submitting);
            chips.getChildren().add(b);
        }
        TextField detailField = field(detail, reason.equals(Optional.of(Reason.OTHER))
                ? texts.t("objection.detailRequired") : texts.t("objection.detailOptional"), "objection-detail", Field.DETAIL);
        reasonMessage = Widgets.label("", "field-message");
        reasonMessage.setId("objection-reason-message");

        TextField phoneField = field(phone, texts.t("objection.phonePlaceholder"), "objection-phone", Field.PHONE);
        phoneField.setMaxWidth(420);
        phoneMessage = Widgets.label("", "field-message");
        phoneMessage.setId("objection-phone-message");

        VBox card = new VBox(12,
                Widgets.label(texts.t("objection.reason"), "field-label"), chips,
                labelled("objection.detail", detailField), indented(reasonMessage),
                labelled("objection.phone", phoneField), indented(phoneMessage));
        card.getStyleClass().add("card");
        return card;
    }

    private static final double LABEL_WIDTH = 140;

    private Node labelled(String key, Node field) {
        Label l = Widgets.label(texts.t(key), "field-label");
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        HBox.setHgrow(field, Priority.ALWAYS);
        return Widgets.row(0, Pos.CENTER_LEFT, l, field);
    }

    private static Node indented(Label message) {
        HBox h = new HBox(message);
        h.setPadding(new javafx.geometry.Insets(0, 0, 0, LABEL_WIDTH));
        return h;
    }

    private TextField field(StringProperty value, String prompt, String id, Field which) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setEditable(false);
        f.setFocusTraversable(false);
        f.setPromptText(prompt);
        f.getStyleClass().add("kiosk-field");
        if (active == which && (wide || editing)) {
            f.getStyleClass().add("active");
        }
        f.setId(id);
        f.setOnMouseClicked(e -> {
            if ((active != which || (!wide && !editing)) && !submitting) {
                active = which;
                editing = true;
                rebuild();
            }
        });
        return f;
    }

    private Node confirmation(ObjectionTicket ticket) {
        Label no = Widgets.label(ticket.ticketNo(), "ticket-no");
        no.setId("objection-ticket-no");
        VBox facts = new VBox(10, Widgets.label(texts.t("objection.ticketNo"), "muted"), no);
        facts.setAlignment(Pos.CENTER);
        HBox dates = Widgets.row(80, Pos.CENTER);
        ticket.filedOn().ifPresent(d -> dates.getChildren().add(fact(texts.t("objection.filedOn"), d.toString(), "objection-filed-on")));
        ticket.dueOn().ifPresent(d -> dates.getChildren().add(fact(texts.t("objection.dueOn"), d.toString(), "objection-due-on")));
        dates.getChildren().add(fact(texts.t("objection.status"), texts.t("record.objection." + ticket.status().name()), "objection-status"));

        Label note = Widgets.label(texts.t("objection.filedNote"), "screen-sub", "centered-text");
        note.setMaxWidth(860);
        VBox card = new VBox(26,
                Widgets.roundMark("✓", 120, Color.web("#1b7a3a"), Color.WHITE),
                Widgets.label(texts.t("objection.filedTitle"), "screen-title"),
                facts, dates,
                note,
                Widgets.row(24, Pos.CENTER,
                        Widgets.button(texts.t("record.finish"), "quiet", "objection-finish",
                                () -> events.accept(new SessionEvent.Finish())),
                        Widgets.button(texts.t("objection.backToRecord"), "primary", "objection-done",
                                () -> events.accept(new SessionEvent.BackToRecord()))));
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("card");
        card.setMaxWidth(1100);
        card.setMaxHeight(USE_PREF_SIZE);
        card.setId("objection-confirmation");
        StackPane p = new StackPane(card);
        p.getStyleClass().add("content");
        return p;
    }

    private static Node fact(String label, String value, String id) {
        Label v = Widgets.label(value, "fact-value");
        v.setId(id);
        return Widgets.column(4, Pos.CENTER, Widgets.label(label, "muted"), v);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The reason as it will be sent, or empty while it is not acceptable. */
    Optional<String> reasonText() {
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        String typed = Objects.requireNonNullElse(detail.get(), "").strip();
        String text;
        if (reason.get() == Reason.OTHER) {
            text = typed;
        } else {
            text = typed.isEmpty() ? reason.get().wording() : reason.get().wording() + "：" + typed;
        }
        return text.strip().length() >= MIN_REASON && text.length() <= 500 ? Optional.of(text) : Optional.empty();
    }

    private boolean phoneValid() {
        return MOBILE.matcher(Objects.requireNonNullElse(phone.get(), "")).matches();
    }

    private void refresh() {
        if (submit == null) {
            return;
        }
        if (reason.isEmpty()) {
            say(reasonMessage, texts.t("objection.chooseReason"), "hint");
        } else if (reasonText().isEmpty()) {
            say(reasonMessage, texts.t("objection.reasonTooShort", MIN_REASON), "error");
        } else {
            say(reasonMessage, texts.t("objection.reasonOk"), "ok");
        }
        String p = Objects.requireNonNullElse(phone.get(), "");
        if (p.isEmpty()) {
            say(phoneMessage, texts.t("objection.phoneHint"), "hint");
        } else if (!p.startsWith("1") || (p.length() >= 2 && (p.charAt(1) < '3' || p.charAt(1) > '9'))) {
            say(phoneMessage, texts.t("objection.phoneBadStart"), "error");
        } else if (p.length() < PHONE_LENGTH) {
            say(phoneMessage, texts.t("objection.phoneRemaining", PHONE_LENGTH - p.length()), "hint");
        } else if (!phoneValid()) {
            say(phoneMessage, texts.t("objection.phoneBad"), "error");
        } else {
            say(phoneMessage, texts.t("objection.phoneOk"), "ok");
        }
        submit.setDisable(submitting || reasonText().isEmpty() || !phoneValid());
    }

    private static void say(Label l, String text, String tone) {
        if (l == null) {
            return;
        }
        l.setText(text);
        l.getStyleClass().removeAll("error", "hint", "ok");
        l.getStyleClass().add(tone);
    }

    private void submit() {
        Optional<String> text = reasonText();
        Optional<String> itemId = view.objectionItemId();
        if (submitting || text.isEmpty() || !phoneValid() || itemId.isEmpty()) {
            return;
        }
        Optional<String> uscc = view.record().map(CreditRecord::subject)
                .filter(s -> s.kind().isOrganization()).flatMap(s -> s.uscc());
        ObjectionRequest request = new ObjectionRequest(itemId.get(), uscc, text.get(), phone.get());
        submitting = true;
        rebuild();
        events.accept(new SessionEvent.SubmitObjection(request));
    }

    // ---------------------------------------------------------------------------------------------------------

    private record ItemSummary(String section, String title, String detail) {
    }

    /** The disputed item's title as the record screen shows it. */
    private Optional<ItemSummary> find(CreditRecord r, String id) {
        List<Optional<ItemSummary>> found = List.of(
                r.redList().stream().filter(e -> e.itemId().equals(id)).findFirst()
                        .map(e -> new ItemSummary("red", e.listName(), e.authority() + "    " + e.listedOn())),
                r.blackList().stream().filter(e -> e.itemId().equals(id)).findFirst()
                        .map(e -> new ItemSummary("black", e.listName(), e.authority() + "    " + e.listedOn())),
                r.judicial().stream().filter(j -> j.itemId().equals(id)).findFirst()
                        .map(j -> new ItemSummary("judicial", texts.t("record.judicial." + j.kind().name()),
                                j.court() + "    " + j.caseNo())),
                r.penalties().stream().filter(p -> p.itemId().equals(id)).findFirst()
                        .map(p -> new ItemSummary("penalties", p.violation(), p.decisionNo() + "    " + p.authority())),
                r.permits().stream().filter(p -> p.itemId().equals(id)).findFirst()
                        .map(p -> new ItemSummary("permits", p.title(), p.decisionNo() + "    " + p.authority())),
                r.commitments().stream().filter(c -> c.itemId().equals(id)).findFirst()
                        .map(c -> new ItemSummary("commitments", c.title(), c.authority().orElse("") + "    " + c.madeOn())));
        return found.stream().flatMap(Optional::stream).findFirst();
    }

    private String shortSection(String section) {
        String full = texts.t("record.section." + section);
        int paren = full.indexOf('（');
        if (paren < 0) {
            paren = full.indexOf(" (");
        }
        return paren > 0 ? full.substring(0, paren) : full;
    }
}
