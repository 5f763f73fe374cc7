package org.creditkiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.e2e.HallFiles;
import org.creditkiosk.e2e.TestTls;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.ui.KioskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11, "it starts at once", in configured mode: a technician file on disk (platform over HTTPS with a pinned
 * key, the hall's secret and keystore, the ID card reader on a socat port). The attract screen is drawn from the
 * configuration alone, saying the kiosk is getting ready, before any device or the platform is touched; touches go
 * nowhere then. Once the kiosk is assembled the same window shows its session: the banner goes, a card placed on
 * the serial reader opens a visit. Closing the window ends the start with exit code 0.
 */
class StartingScreenTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void theAttractScreenIsDrawnBeforeTheKioskIsAssembledAndThenServesVisits(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        FxToolkit.registerPrimaryStage();
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        TestTls tls = TestTls.create(dir);
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), "YL-HALL-01-K07", hall.secret,
                     Clock.systemUTC(), Optional.of(tls.serverSide().sslContext()));
             SocatPair line = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200))) {
            reader.attach(SerialPortLink.open(line.devicePath(), SerialSettings.of8N1(115200)));
            StringBuilder file = new StringBuilder();
            hall.settings().forEach((k, v) -> file.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
            Map.of("platform.url", platform.baseUrl(), "kiosk.id", "YL-HALL-01-K07",
                    "platform.truststore", tls.trustStore().toString(),
                    "platform.truststorePassFile", tls.trustStorePass().toString(), "platform.pins", tls.pin(),
                    "devices.idcard.port", line.hostPath(), "devices.idcard.pollIntervalMs", "300",
                    "kiosk.dataDir", dir.resolve("data").toString(), "ui.fullScreen", "false")
                    .forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
            Path technicianFile = Files.writeString(dir.resolve("kiosk.properties"), file.toString());

            CountDownLatch lookedAt = new CountDownLatch(1);
            AtomicReference<Kiosk> assembled = new AtomicReference<>();
            AtomicReference<String> whenDrawn = new AtomicReference<>();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> RunCommand.start(false,
                    Map.of("KIOSK_CONFIG", technicianFile.toString()), new PrintStream(err, true, StandardCharsets.UTF_8),
                    KioskApplication.startToolkit(), () -> {
                        // drawn, not yet assembled: nothing has reached the platform
                        whenDrawn.set("platform requests " + platform.requestsAnswered());
                        try {
                            lookedAt.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, assembled::set));

            await(() -> whenDrawn.get() != null, "starting screen drawn", 20);
            assertThat(whenDrawn.get()).isEqualTo("platform requests 0");
            assertThat(text("#starting-banner .label")).isEqualTo("本机正在准备，请稍候片刻");
            assertThat(texts()).anyMatch(t -> t.contains("请将身份证放在感应区")).contains("YL-HALL-01-K07");
            assertThat(exists("#open-list-search")).as("nothing offered before the kiosk is ready").isFalse();
            assertThat(exists("#elderly-switch")).isFalse();
            robot.clickOn("#reader-pad"); // a touch goes nowhere, and breaks nothing
            robot.clickOn("#language");
            await(() -> "The kiosk is getting ready, one moment please".equals(text("#starting-banner .label")),
                    "the starting screen in English", 5);
            robot.clickOn("#language");
            lookedAt.countDown();

            await(() -> assembled.get() != null, "kiosk assembled", 30);
            await(() -> !exists("#starting-banner") && exists("#screen-attract"), "the session's attract screen", 20);
            await(() -> exists("#open-list-search"), "list search offered", 10);
            Kiosk kiosk = assembled.get();
            // the header's buttons, made with the starting screen, now reach the session
            await(() -> exists("#elderly-switch"), "elderly switch offered", 10);
            robot.clickOn("#elderly-switch");
            await(() -> kiosk.controller().view().elderly(), "elderly mode on", 10);
            var card = DemoFixtures.load().cards().stream()
                    .filter(c -> c.idNumber().equals("610881197804120030")).findFirst().orElseThrow();
            reader.placeCard(IdCardDataMapper.fromContract(card));
            await(() -> kiosk.controller().view().state() == SessionState.SHOWING_RECORD, "record", 30);
            await(() -> exists("#screen-showing_record"), "record screen", 10);
            reader.removeCard();
            await(() -> kiosk.controller().view().state() == SessionState.ATTRACT, "attract after the visit", 30);

            onFx(() -> List.copyOf(Window.getWindows()).stream()
                    .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof org.creditkiosk.ui.KioskView)
                    .forEach(Window::hide));
            assertThat(run.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            WaitForAsyncUtils.waitForFxEvents(); // the test's JavaFX runtime still runs: the kiosk did not end it
        }
    }

    @Test
    void aStartRefusedByTheStartChecksClosesTheStartingScreenAndExits2(@TempDir Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        StringBuilder file = new StringBuilder(); // no platform.url: the start checks refuse
        hall.settings().forEach((k, v) -> file.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        file.append("kiosk.id=YL-HALL-01-K08\nui.fullScreen=false\nkiosk.dataDir=").append(dir.resolve("data")).append('\n');
        Path technicianFile = Files.writeString(dir.resolve("kiosk.properties"), file.toString());
        AtomicReference<Boolean> shownWhenDrawn = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunCommand.start(false, Map.of("KIOSK_CONFIG", technicianFile.toString()),
                new PrintStream(err, true, StandardCharsets.UTF_8), KioskApplication.startToolkit(),
                () -> shownWhenDrawn.set(kioskWindowShown()), k -> { throw new AssertionError("assembled"); });
        assertThat(code).isEqualTo(2);
        assertThat(shownWhenDrawn.get()).as("the starting screen was up while the checks ran").isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to start: platform URL: platform.url is not set");
        await(() -> !kioskWindowShown(), "starting screen closed", 10);
    }

    private static boolean kioskWindowShown() {
        return onFx(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof org.creditkiosk.ui.KioskView));
    }

    private boolean exists(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible).isPresent());
    }

    private String text(String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private List<String> texts() {
        return onFx(() -> robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onFx(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
