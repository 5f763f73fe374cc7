package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.creditkiosk.assembly.HallSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk as it runs in a hall, not in demo mode: platform URL, kiosk id and a secret file from the configuration,
 * the ID card reader on a serial port (a socat pseudo-terminal with the simulator on its far end). A visit reaches
 * the record; with no report printer configured, printing fails as "printer offline" and nothing is written to disk.
 */
class ConfiguredKioskTest {

    @Test
    void configuredKioskServesAVisitOverASerialReaderAndASignedPlatform(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        byte[] secret = hall.secret;
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), "YL-TEST-01-K09", secret, Clock.systemUTC());
             SocatPair line = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200))) {
            reader.attach(SerialPortLink.open(line.devicePath(), SerialSettings.of8N1(115200)));
            Map<String, String> values = new java.util.HashMap<>(hall.settings());
            values.putAll(Map.of(
                    "platform.url", platform.baseUrl(),
                    "kiosk.id", "YL-TEST-01-K09",
                    "devices.idcard.port", line.hostPath(),
                    "ops.heartbeatIntervalS", "5"));
            var settings = new ConfigLoader().values(values, "test").load();
            try (Kiosk kiosk = TestKiosks.start(HallSources.of(settings), Map.of())) {
                assertThat(kiosk.demo()).isEmpty();
                var controller = kiosk.controller();
                var card = DemoFixtures.load().cards().stream()
                        .filter(c -> c.idNumber().equals("610881197804120030")).findFirst().orElseThrow();
                reader.placeCard(IdCardDataMapper.fromContract(card));
                await(() -> controller.view().state() == SessionState.SHOWING_RECORD, "record");
                assertThat(controller.view().record().orElseThrow().subject().name()).isEqualTo("赵国强");

                controller.submit(new SessionEvent.RequestPrint());
                controller.submit(new SessionEvent.ConfirmPrint());
                await(() -> controller.view().notice().isPresent(), "print outcome");
                assertThat(controller.view().notice()).contains(Notice.PrintProblem.PRINTER_OFFLINE);
                assertThat(controller.view().state()).isEqualTo(SessionState.SHOWING_RECORD);
                try (var files = Files.walk(dir)) {
                    assertThat(files.filter(p -> p.toString().endsWith(".pdf"))).as("no report on disk").isEmpty();
                }
                reader.removeCard();
                await(() -> controller.view().state() == SessionState.ATTRACT, "attract");
                await(() -> platform.openSessions() == 0, "session closed on the platform");
                // issue 12: the heartbeat carries the visit's counts by contract 1.1 name, and nothing personal
                await(() -> platform.heartbeats().stream().anyMatch(h -> h.counters().containsKey("sessionsCard")), "counted visit");
                var hb = platform.heartbeats().stream().filter(h -> h.counters().containsKey("sessionsCard")).findFirst().orElseThrow();
                assertThat(hb.counters()).containsEntry("sessionsCard", 1L).containsEntry("sessions", 1L)
                        .containsEntry("errors.PRINTER_OFFLINE", 1L).containsEntry("sessionsApp", 0L).containsEntry("reportsPrinted", 0L);
                String json = org.creditkiosk.platform.api.Json.mapper().writeValueAsString(platform.heartbeats());
                assertThat(json).doesNotContain("610881197804120030").doesNotContain("赵国强");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
