package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.creditkiosk.config.BundleSigner;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.HallContent;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.TestBundles;
import org.creditkiosk.demo.DemoContent;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.ops.ContentCache;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, hall content on the real screens, configured mode: a signed bundle on disk (slides, announcement, hours)
 * loaded as the kiosk loads it, the slide images fetched from the platform's getContent through the signed client,
 * checked and cached in the data folder, then shown without the platform. Slides rotate beside the card prompt, the
 * announcement shows within its window only, and outside the opening hours the closed screen shows the week's hours,
 * the service phone and the list search. Screenshots at 1920×1080 and 1280×1024.
 */
class HallScreensTest {

    private static Stage stage;
    private static KioskView view;

    @BeforeAll
    static void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            KioskFonts.load();
            PublicLists lists = (q, kind, page, size) -> CompletableFuture.failedFuture(new IllegalStateException("not in this test"));
            view = new KioskView(new Texts(Language.ZH), new KioskNotices(),
                    new KioskIdentity("YL-TEST-01-K09", "神木市政务服务中心", "Shenmu Government Service Center", "0912-8888", Language.ZH),
                    e -> { }, Optional.of(lists));
            KioskStage.prepare(s, view, 1920, 1080, true);
            s.show();
        });
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static SessionView view(SessionState state, Optional<Notice.OutOfService> reason) {
        return new SessionView(state, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), reason, Optional.empty(), java.util.Set.of());
    }

    private static void show(SessionView v, HallDisplay d, String shot) {
        WaitForAsyncUtils.asyncFx(() -> {
            view.hallDisplay(d);
            view.render(v);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), shot);
    }

    private static void await(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(c.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void slidesAnnouncementAndClosedScreenFromASignedBundle(@TempDir Path dir) throws Exception {
        KeyPair admin = TestBundles.ed25519();
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        Path data = dir.resolve("data");
        Path local = Files.writeString(dir.resolve("kiosk.properties"), "kiosk.id=YL-TEST-01-K09\nkiosk.dataDir=" + data
                + "\nconfig.trustedKeysFile=" + keys + "\n");
        Instant now = Instant.now();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-TEST-01-K09",
                DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            var slides = JsonNodeFactory.instance.arrayNode();
            for (DemoContent.Slide s : DemoContent.slides()) {
                slides.addObject().put("sha256", server.putContent(s.png())).put("captionZh", s.captionZh())
                        .put("captionEn", s.captionEn()).put("durationS", 3);
            }
            Map<String, JsonNode> settings = new LinkedHashMap<>();
            settings.put("hall.slides", slides);
            settings.put("hall.announcement", JsonNodeFactory.instance.objectNode().put("zh", "本周六上午 9:00-12:00 正常开放")
                    .put("en", "Open on Saturday morning, 9:00-12:00").put("from", now.minusSeconds(3600).toString())
                    .put("until", now.plusSeconds(3600).toString()));
            settings.put("hall.hours", JsonNodeFactory.instance.objectNode().put("mon", "08:30-12:00,14:00-17:30")
                    .put("tue", "08:30-12:00,14:00-17:30").put("wed", "08:30-12:00,14:00-17:30")
                    .put("thu", "08:30-12:00,14:00-17:30").put("fri", "08:30-12:00,14:00-17:00").put("sat", "09:00-12:00"));
            settings.put("hall.closedDates", JsonNodeFactory.instance.textNode("2026-10-01,2026-10-02"));
            var bundle = BundleSigner.sign(BundleSigner.readPrivateKey(pem(dir, admin)), "admin",
                    BundleSigner.payload(1, now, List.of(), settings));
            new ConfigTrial(data).stage(bundle, 1);
            new ConfigTrial(data).promote();
            KioskSettings hall = ConfigLoader.standard(dir, Optional.of(local), Map.of());
            assertThat(hall.configVersion()).isEqualTo(1);
            List<HallContent.Slide> configured = hall.get(ConfigKeys.HALL_SLIDES);
            assertThat(configured).hasSize(3);

            ContentCache cache = new ContentCache(data, client);
            assertThat(cache.fetchMissing(configured.stream().map(HallContent.Slide::sha256).toList())).isZero();
            for (HallContent.Slide s : configured) {
                assertThat(data.resolve("content").resolve(s.sha256())).exists();
            }
        }
        // the platform is gone: the cache shows what it fetched; a file altered on disk is refused and removed
        List<HallContent.Slide> configured = ConfigLoader.standard(dir, Optional.of(local), Map.of()).get(ConfigKeys.HALL_SLIDES);
        ContentCache offline = new ContentCache(data, new org.creditkiosk.platform.PlatformOps() {
            @Override
            public org.creditkiosk.platform.api.ConfigAnswer getKioskConfig(Optional<String> etag) {
                throw new AssertionError("offline");
            }

            @Override
            public org.creditkiosk.platform.api.HeartbeatAnswer heartbeat(org.creditkiosk.platform.api.Heartbeat h) {
                throw new AssertionError("offline");
            }

            @Override
            public void reportCommandResult(String id, org.creditkiosk.platform.api.CommandResult r) {
                throw new AssertionError("offline");
            }

            @Override
            public void uploadLogs(String commandId, byte[] gzip) {
                throw new AssertionError("offline");
            }

            @Override
            public byte[] getContent(String sha256) throws org.creditkiosk.platform.PlatformException {
                throw new org.creditkiosk.platform.PlatformException.Transport(
                        org.creditkiosk.platform.PlatformException.Transport.Kind.UNREACHABLE, "offline", null);
            }
        });
        assertThat(offline.file(configured.get(0).sha256())).isPresent();
        Path third = data.resolve("content").resolve(configured.get(2).sha256());
        Files.write(third, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(offline.file(configured.get(2).sha256())).as("altered on disk").isEmpty();
        assertThat(third).doesNotExist();

        KioskSettings hall = ConfigLoader.standard(dir, Optional.of(local), Map.of());
        ZoneId zone = hall.get(ConfigKeys.HALL_TIME_ZONE);
        HallDisplay open = new HallDisplay(configured, hall.get(ConfigKeys.HALL_ANNOUNCEMENT), hall.get(ConfigKeys.HALL_HOURS),
                zone, true, offline::file, Clock.systemUTC());
        show(view(SessionState.ATTRACT, Optional.empty()), open, "70-hall-slides");
        assertThat(view.lookup("#slides")).isNotNull();
        assertThat(view.lookup("#reader-pad")).as("beside the card prompt").isNotNull();
        Label caption = (Label) view.lookup("#slide-caption");
        List<String> shown = List.of(configured.get(0).captionZh(), configured.get(1).captionZh());
        assertThat(caption.getText()).isIn(shown);
        ImageView image = (ImageView) view.lookup("#slides").lookup(".image-view");
        await(() -> image.getImage() != null && image.getImage().getProgress() >= 1.0 && !image.getImage().isError(), "image loaded");
        assertThat(image.getImage().getWidth()).isGreaterThan(650);
        assertThat(((Label) view.lookup("#announcement").lookup(".announcement-text")).getText()).isEqualTo("本周六上午 9:00-12:00 正常开放");
        // the slides rotate (3 s each); the third file was refused, so only the first two are shown
        java.util.Set<String> seen = new java.util.HashSet<>();
        await(() -> {
            seen.add(caption.getText());
            return seen.size() == 2;
        }, "both slides shown in turn");
        assertThat(seen).containsExactlyInAnyOrderElementsOf(shown);

        // outside its window the announcement is not shown
        HallDisplay later = new HallDisplay(configured, open.announcement(), open.hours(), zone, true, offline::file,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        show(view(SessionState.ATTRACT, Optional.empty()), later, "71-hall-no-announcement");
        assertThat(view.lookup("#announcement")).isNull();

        // closed: the week's hours, today's marked, the service phone, the list search
        show(view(SessionState.OUT_OF_SERVICE, Optional.of(Notice.OutOfService.HALL_CLOSED)), open, "72-hall-closed");
        assertThat(view.lookup("#opening-hours")).isNotNull();
        assertThat(view.lookup("#opening-hours").lookupAll(".label")).extracting(n -> ((Label) n).getText())
                .contains("服务时间", "星期一", "08:30-12:00, 14:00-17:30", "星期六", "09:00-12:00", "星期日", "休息");
        assertThat(view.lookupAll(".label")).extracting(n -> ((Label) n).getText()).anyMatch(t -> t.contains("0912-8888"));
        assertThat(view.lookup("#open-list-search")).isNotNull();
        HallDisplay noLists = new HallDisplay(configured, open.announcement(), open.hours(), zone, false, offline::file, Clock.systemUTC());
        show(view(SessionState.OUT_OF_SERVICE, Optional.of(Notice.OutOfService.HALL_CLOSED)), noLists, "72b-hall-closed-no-lists");
        assertThat(view.lookup("#open-list-search")).isNull();

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        WaitForAsyncUtils.waitForFxEvents();
        show(view(SessionState.ATTRACT, Optional.empty()), open, "73-small-hall-slides");
        var slidesBox = view.lookup("#slides");
        var b = slidesBox.localToScene(slidesBox.getBoundsInLocal());
        assertThat(b.getMaxX()).as("slides inside 1280 px").isLessThanOrEqualTo(1280);
        show(view(SessionState.OUT_OF_SERVICE, Optional.of(Notice.OutOfService.HALL_CLOSED)), open, "74-small-hall-closed");
        var hours = view.lookup("#opening-hours");
        assertThat(hours.localToScene(hours.getBoundsInLocal()).getMaxY()).as("hours inside 1024 px").isLessThanOrEqualTo(1024);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path pem(Path dir, KeyPair admin) throws Exception {
        return Files.writeString(dir.resolve("admin.pem"), BundleSigner.privatePem(admin.getPrivate()));
    }
}
