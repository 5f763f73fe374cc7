package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat against the demo platform through the real signed client: what it reports, how commands run. */
class HeartbeatServiceTest {

    @Test
    void reportsHealthAndCarriesOutEachCommandOnce(@TempDir Path data) throws Exception {
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01", secret, Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                     client, (token, record) -> new ReportPipeline.Failed(Notice.PrintProblem.PRINT_FAILED))) {
            controller.start();
            UsageCounters usage = new UsageCounters(data);
            controller.addListener(usage);
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
                    }, Clock.systemUTC()).countAlso(usage);

            // Two notices met before the first beat: counted by their codes.
            controller.submit(new SessionEvent.CodeRejected(Notice.CodeProblem.QR_UNKNOWN));
            await(() -> controller.view().state() == SessionState.NOTICE);
            controller.submit(new SessionEvent.Finish());
            controller.submit(new SessionEvent.CardReadFailed(Notice.CardProblem.CARD_UNREADABLE));
            await(() -> controller.view().notice().equals(Optional.of(Notice.CardProblem.CARD_UNREADABLE)));
            controller.submit(new SessionEvent.Finish());
            await(() -> controller.view().state() == SessionState.ATTRACT);

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
            assertThat(sent.counters()).containsKeys("sessions", "reportsPrinted", "errors")
                    .containsEntry("errors.QR_UNKNOWN", 1L).containsEntry("errors.CARD_UNREADABLE", 1L)
                    .containsEntry("errors", 2L);

            server.queueCommand(new HeartbeatAnswer.Command("c1", HeartbeatAnswer.CommandType.BACK_IN_SERVICE, Optional.empty()));
            hb.beat();
            Thread.sleep(200);
            assertThat(controller.view().state()).as("a command id seen before is not run again").isEqualTo(SessionState.OUT_OF_SERVICE);
            assertThat(server.heartbeats().get(server.heartbeats().size() - 1).counters())
                    .as("counters are since the last accepted heartbeat").containsEntry("errors", 0L)
                    .doesNotContainKeys("errors.QR_UNKNOWN", "errors.CARD_UNREADABLE");

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

    @Test
    void countsWrongMaintenancePinsAndLockoutsSinceTheLastAcceptedHeartbeat(@TempDir Path data) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
        MaintenanceAccess access = new MaintenanceAccess(Optional.of(MaintenanceAccess.hash("246810")), data, clock);
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01", secret, Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                     client, (token, record) -> new ReportPipeline.Failed(Notice.PrintProblem.PRINT_FAILED))) {
            AtomicBoolean unreachable = new AtomicBoolean();
            PlatformOps platform = new PlatformOps() {
                @Override
                public ConfigAnswer getKioskConfig(Optional<String> etag) throws PlatformException {
                    return client.getKioskConfig(etag);
                }

                @Override
                public HeartbeatAnswer heartbeat(Heartbeat heartbeat) throws PlatformException {
                    if (unreachable.get()) {
                        throw new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE, "test", null);
                    }
                    return client.heartbeat(heartbeat);
                }

                @Override
                public void reportCommandResult(String commandId, CommandResult result) throws PlatformException {
                    client.reportCommandResult(commandId, result);
                }

                @Override
                public byte[] getContent(String sha256) throws PlatformException {
                    return client.getContent(sha256);
                }

                @Override
                public void uploadLogs(String commandId, byte[] gzip) throws PlatformException {
                    client.uploadLogs(commandId, gzip);
                }
            };
            // As the kiosk wires it: the heartbeat reads the entry's state file through its own instance.
            HeartbeatService hb = new HeartbeatService(platform, controller, List.of(), List.of(), 0L, NO_ACTIONS, Clock.systemUTC())
                    .countAlso(new MaintenanceLockout(data, clock));

            for (int i = 0; i < 5; i++) {
                access.check("000000");
            }
            hb.beat();
            assertThat(lastCounters(server)).containsEntry("errors.MAINTENANCE_PIN_WRONG", 5L)
                    .containsEntry("errors.MAINTENANCE_LOCKED", 1L).containsEntry("errors", 6L);
            hb.beat();
            assertThat(lastCounters(server)).as("since the last accepted heartbeat")
                    .doesNotContainKeys("errors.MAINTENANCE_PIN_WRONG", "errors.MAINTENANCE_LOCKED");

            assertThat(access.check("246810")).as("refused while locked: not a wrong PIN").isEqualTo(MaintenanceAccess.Result.LOCKED);
            clock.advance(Duration.ofMinutes(5));
            assertThat(access.check("000000")).isEqualTo(MaintenanceAccess.Result.LOCKED);
            unreachable.set(true);
            assertThatThrownBy(hb::beat).isInstanceOf(PlatformException.Transport.class);
            unreachable.set(false);
            hb.beat();
            assertThat(lastCounters(server)).as("kept through a heartbeat that was not accepted")
                    .containsEntry("errors.MAINTENANCE_PIN_WRONG", 1L).containsEntry("errors.MAINTENANCE_LOCKED", 1L);

            clock.advance(Duration.ofMinutes(15));
            access.check("000000");
            new HeartbeatService(platform, controller, List.of(), List.of(), 0L, NO_ACTIONS, Clock.systemUTC())
                    .countAlso(new MaintenanceLockout(data, clock)).beat();
            assertThat(lastCounters(server)).as("counts not yet reported survive a restart")
                    .containsEntry("errors.MAINTENANCE_PIN_WRONG", 1L).containsEntry("errors.MAINTENANCE_LOCKED", 1L);
        }
    }

    /** Contract 1.1 keys (issue 15): a signed commitment and a filed complaint count once, since the last heartbeat. */
    @Test
    void countsCommitmentsAndComplaints(@TempDir Path data) throws Exception {
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01", secret, Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            // The platform half of the commitment flow, real; the paper half is the report pipeline's (tested elsewhere).
            ReportPipeline signsOnly = new ReportPipeline() {
                @Override
                public Outcome print(org.creditkiosk.platform.SessionToken token, org.creditkiosk.platform.api.CreditRecord record) {
                    return new Failed(Notice.PrintProblem.PRINT_FAILED);
                }

                @Override
                public Outcome printCommitment(org.creditkiosk.platform.SessionToken token,
                        org.creditkiosk.platform.api.CommitmentTemplate template, Optional<String> uscc, byte[] png,
                        Instant signedAt, org.creditkiosk.platform.api.CreditRecord subject,
                        java.util.function.Consumer<org.creditkiosk.platform.api.SignedCommitment> signed)
                        throws PlatformException {
                    var c = client.signCommitment(token, org.creditkiosk.platform.api.CommitmentRequest.of(template, uscc, png, signedAt));
                    signed.accept(c);
                    return new Printed(c.commitmentNo());
                }
            };
            try (SessionController controller = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                    client, signsOnly)) {
                controller.start();
                UsageCounters usage = new UsageCounters(data);
                controller.addListener(usage);
                HeartbeatService hb = new HeartbeatService(client, controller, List.of(), List.of(), 0L, NO_ACTIONS, Clock.systemUTC())
                        .countAlso(usage);
                controller.submit(new SessionEvent.AppCodeScanned("XYYL1.DEMO6Q0W3N8J2K5T7P4R1X9V"));
                await(() -> controller.view().state() == SessionState.SHOWING_RECORD);
                controller.submit(new SessionEvent.StartCommitment());
                await(() -> controller.view().services().templates().isPresent());
                String id = controller.view().services().templates().get().get(0).templateId();
                controller.submit(new SessionEvent.ChooseTemplate(id));
                controller.submit(new SessionEvent.TextReadToEnd());
                controller.submit(new SessionEvent.StartSigning());
                controller.submit(new SessionEvent.SubmitSignature(org.creditkiosk.signature.Signatures.scribble()));
                controller.submit(new SessionEvent.ConfirmCommitment());
                await(() -> controller.view().state() == SessionState.COMMITMENT_DONE);
                controller.submit(new SessionEvent.BackToRecord());
                controller.submit(new SessionEvent.StartComplaint());
                controller.submit(new SessionEvent.SubmitComplaint(new org.creditkiosk.platform.api.ComplaintRequest(
                        org.creditkiosk.platform.api.ComplaintRequest.Target.byName("某某餐饮店"),
                        org.creditkiosk.platform.api.ComplaintRequest.Category.FOOD_DRUG_SAFETY, "后厨卫生条件很差，食品过期。",
                        Optional.empty(), Optional.empty())));
                await(() -> controller.view().state() == SessionState.COMPLAINT_FILED);
                hb.beat();
                assertThat(lastCounters(server)).containsEntry("commitments", 1L).containsEntry("complaints", 1L);
                hb.beat();
                assertThat(lastCounters(server)).containsEntry("commitments", 0L).containsEntry("complaints", 0L);
            }
        }
    }

    private static final RemoteActions NO_ACTIONS = new RemoteActions() {
        @Override
        public void printTestPage() {
        }

        @Override
        public Reload reloadConfig() {
            return new Reload(new CommandResult(CommandResult.Outcome.REJECTED, Optional.of("test")), false);
        }

        @Override
        public void restart() {
        }
    };

    private static Map<String, Long> lastCounters(DemoPlatformServer server) {
        List<Heartbeat> sent = server.heartbeats();
        return sent.get(sent.size() - 1).counters();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
