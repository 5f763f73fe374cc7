package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.creditkiosk.app.ReportPipeline;
import org.creditkiosk.app.SessionController;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;
import org.junit.jupiter.api.Test;

/** The heartbeat against the demo platform through the real signed client: what it reports, how commands run. */
class HeartbeatServiceTest {

    @Test
    void reportsHealthAndCarriesOutEachCommandOnce() throws Exception {
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01", secret, Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                     client, (token, record) -> new ReportPipeline.Failed("PRINT_FAILED"))) {
            controller.start();
            AtomicInteger testPages = new AtomicInteger();
            AtomicBoolean restarted = new AtomicBoolean();
            Device reader = new Device() {
                @Override
                public DeviceKind kind() {
                    return DeviceKind.ID_CARD_READER;
                }

                @Override
                public void open() {
                }

                @Override
                public void close() {
                }

                @Override
                public DeviceHealth health() {
                    return DeviceHealth.offline("NO_RESPONSE");
                }
            };
            HeartbeatService hb = new HeartbeatService(client, controller, List.of(reader), List.of("no.such.key"), 0L,
                    new RemoteActions() {
                        @Override
                        public void printTestPage() {
                            testPages.incrementAndGet();
                        }

                        @Override
                        public Reload reloadConfig() {
                            return new Reload(new CommandResult(CommandResult.Outcome.REJECTED, Optional.of("test")), false);
                        }

                        @Override
                        public void restart() {
                            restarted.set(true);
                        }
                    }, Clock.systemUTC());

            server.queueCommand(new HeartbeatAnswer.Command("c1", HeartbeatAnswer.CommandType.OUT_OF_SERVICE, Optional.of("holiday\r\nforged\u001b[2J")));
            hb.beat();
            await(() -> controller.view().state() == SessionState.OUT_OF_SERVICE);
            assertThat(server.commandResults().get("c1").outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(server.commandResults().get("c1").detail()).as("the platform's reason comes back as one clean line")
                    .contains("out of service: holiday??forged?[2J");
            Heartbeat sent = server.heartbeats().get(server.heartbeats().size() - 1);
            assertThat(sent.devices()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(Heartbeat.DeviceKind.ID_CARD_READER);
                assertThat(d.state()).isEqualTo(Heartbeat.DeviceState.OFFLINE);
                assertThat(d.detail()).contains("NO_RESPONSE");
            });
            assertThat(sent.rejectedConfigKeys()).containsExactly("no.such.key");
            assertThat(sent.counters()).containsKeys("sessions", "reportsPrinted", "errors");

            server.queueCommand(new HeartbeatAnswer.Command("c1", HeartbeatAnswer.CommandType.BACK_IN_SERVICE, Optional.empty()));
            hb.beat();
            Thread.sleep(200);
            assertThat(controller.view().state()).as("a command id seen before is not run again").isEqualTo(SessionState.OUT_OF_SERVICE);

            server.queueCommand(new HeartbeatAnswer.Command("c2", HeartbeatAnswer.CommandType.BACK_IN_SERVICE, Optional.empty()));
            server.queueCommand(new HeartbeatAnswer.Command("c3", HeartbeatAnswer.CommandType.RELOAD_CONFIG, Optional.empty()));
            server.queueCommand(new HeartbeatAnswer.Command("c4", HeartbeatAnswer.CommandType.PRINT_TEST_PAGE, Optional.empty()));
            hb.beat();
            await(() -> controller.view().state() == SessionState.ATTRACT);
            assertThat(server.commandResults().get("c3").outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(server.commandResults().get("c4").outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(testPages).hasValue(1);

            server.queueCommand(new HeartbeatAnswer.Command("c5", HeartbeatAnswer.CommandType.RESTART_APP, Optional.empty()));
            hb.beat();
            assertThat(restarted).as("an idle kiosk restarts at once").isTrue();
            assertThat(server.commandResults().get("c5").outcome()).isEqualTo(CommandResult.Outcome.DONE);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
