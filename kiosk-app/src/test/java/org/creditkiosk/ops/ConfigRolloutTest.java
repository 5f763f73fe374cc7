package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.creditkiosk.app.ReportPipeline;
import org.creditkiosk.app.SessionController;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.TestBundles;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout against the demo platform through the real signed client and a real session: the poll with
 * If-None-Match puts a newer bundle on trial and restarts into it only when no visit is in progress; the health gate
 * promotes a healthy trial (stored bundle, floor) and rolls a failing one back (last good bundle, failed version in
 * the heartbeat's counters, that version never tried again); two crashes on a trial end it at the next start.
 */
class ConfigRolloutTest {

    private static final String KIOSK = "YL-DEMO-01-K01";
    private final KeyPair admin = TestBundles.ed25519();

    private ConfigBundle signed(long version, String hallName) {
        return TestBundles.bundle(admin, "admin", TestBundles.config(version, "", "\"kiosk.hallName\":\"" + hallName + "\""));
    }

    private record Hall(Path home, Path local, Path data) {
        KioskSettings start() throws Exception {
            return ConfigLoader.forKioskStart(home, Optional.of(local), Map.of(), Clock.systemUTC());
        }
    }

    private Hall hall(Path dir) throws Exception {
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        Path data = dir.resolve("data");
        Path local = Files.writeString(dir.resolve("kiosk.properties"), "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data
                + "\nconfig.trustedKeysFile=" + keys + "\nconfig.healthGateS=30\n");
        return new Hall(dir, local, data);
    }

    private static SessionController controller(DemoPlatformServer server) {
        SessionController c = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                server.client(CallObserver.NONE), (token, record) -> new ReportPipeline.Failed(Notice.PrintProblem.PRINT_FAILED));
        c.start();
        return c;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void aNewerBundleGoesOnTrialAtOnceButTheRestartWaitsForTheVisitToEnd(@TempDir Path dir) throws Exception {
        Hall hall = hall(dir);
        KioskSettings settings = hall.start();
        AtomicInteger restarts = new AtomicInteger();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = controller(server);
             ConfigRollout rollout = new ConfigRollout(client, settings, controller, new ConfigReload(client, settings),
                     restarts::incrementAndGet, Clock.systemUTC(), new Random(1))) {
            rollout.poll();
            assertThat(new ConfigTrial(hall.data()).read().onTrial()).as("the platform has no bundle").isFalse();

            // a citizen is in the middle of a visit
            controller.submit(new SessionEvent.CardPlaced(DemoFixtures.load().cards().get(0)));
            await(() -> controller.view().state() == SessionState.SHOWING_RECORD
                    || controller.view().state() == SessionState.CHOOSING_SUBJECT, "the visit reaches the record");
            server.setConfigBundle(signed(2, "第二版"));
            rollout.poll();
            assertThat(new ConfigTrial(hall.data()).read().trialVersion()).isEqualTo(2);
            assertThat(restarts).as("no restart during a visit").hasValue(0);

            // unchanged: the platform answers 304 to If-None-Match, nothing is offered again
            rollout.poll();
            assertThat(new ConfigTrial(hall.data()).read().trialVersion()).isEqualTo(2);

            controller.submit(new SessionEvent.CardRemoved());
            await(() -> restarts.get() == 1, "restart as soon as the visit ends");
            rollout.poll();
            assertThat(restarts).as("one restart").hasValue(1);
        }
        KioskSettings next = hall.start();
        assertThat(next.onTrial()).isTrue();
        assertThat(next.configVersion()).isEqualTo(2);
        assertThat(next.get(ConfigKeys.HALL_NAME)).isEqualTo("第二版");
    }

    @Test
    void aHealthyTrialIsPromotedAndAnUnhealthyOneRolledBackAndNeverTriedAgain(@TempDir Path dir) throws Exception {
        Hall hall = hall(dir);
        AtomicInteger restarts = new AtomicInteger();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = controller(server)) {
            KioskSettings first = hall.start();
            server.setConfigBundle(signed(1, "第一版"));
            assertThat(new ConfigReload(client, first).run().result().outcome()).isEqualTo(CommandResult.Outcome.DONE);

            // v1 on trial, the attract screen is up and the platform answers: healthy
            KioskSettings onV1 = hall.start();
            MutableClock clock = new MutableClock(Instant.now());
            try (ConfigRollout rollout = new ConfigRollout(client, onV1, controller, new ConfigReload(client, onV1),
                    restarts::incrementAndGet, clock, new Random(1))) {
                rollout.start();
                await(() -> !rollout.gateOpen(), "the gate decides");
            }
            assertThat(new VersionFloor(hall.data()).read()).isEqualTo(1);
            assertThat(new BundleStore(hall.data()).read()).as("Ed25519 is deterministic").contains(signed(1, "第一版"));
            assertThat(hall.start().onTrial()).isFalse();
            assertThat(restarts).hasValue(0);

            // v2 is offered; on it the kiosk stays out of service past the gate
            server.setConfigBundle(signed(2, "第二版"));
            KioskSettings onV1Good = hall.start();
            assertThat(new ConfigReload(client, onV1Good).run().result().outcome()).isEqualTo(CommandResult.Outcome.DONE);
            KioskSettings onV2 = hall.start();
            assertThat(onV2.onTrial()).isTrue();
            controller.submit(new SessionEvent.GoOutOfService(Notice.OutOfService.REMOTE_ORDER));
            await(() -> controller.view().state() == SessionState.OUT_OF_SERVICE, "out of service");
            try (ConfigRollout rollout = new ConfigRollout(client, onV2, controller, new ConfigReload(client, onV2),
                    restarts::incrementAndGet, clock, new Random(1))) {
                rollout.start();
                Thread.sleep(1500);
                assertThat(rollout.gateOpen()).as("still within the gate's time").isTrue();
                clock.advance(Duration.ofSeconds(31));
                await(() -> !rollout.gateOpen(), "the gate decides");
                await(() -> restarts.get() == 1, "restarts into the last good bundle");
                assertThat(rollout.counted()).containsEntry("errors.CONFIG_ROLLED_BACK", 1L).containsEntry("configFailedVersion", 2L);
                rollout.reported(rollout.counted());
                assertThat(rollout.counted()).as("reported once").isEmpty();
            }
            KioskSettings back = hall.start();
            assertThat(back.onTrial()).isFalse();
            assertThat(back.configVersion()).isEqualTo(1);
            assertThat(back.get(ConfigKeys.HALL_NAME)).isEqualTo("第一版");
            assertThat(new VersionFloor(hall.data()).read()).as("the floor never went to v2").isEqualTo(1);
            var again = new ConfigReload(client, back).run();
            assertThat(again.result().outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(again.result().detail().get()).startsWith("FAILED_HEALTH_GATE: bundle v2")
                    .contains("no healthy attract screen within 30 s");
            server.setConfigBundle(signed(3, "第三版"));
            assertThat(new ConfigReload(client, back).run().restart()).as("a higher version is tried").isTrue();
        }
    }

    @Test
    void twoCrashesOnATrialEndItAtTheNextStart(@TempDir Path dir) throws Exception {
        Hall hall = hall(dir);
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            server.setConfigBundle(signed(1, "第一版"));
            new ConfigReload(client, hall.start()).run();
            assertThat(new ConfigTrial(hall.data()).promote()).isEqualTo(1);
            server.setConfigBundle(signed(2, "第二版"));
            assertThat(new ConfigReload(client, hall.start()).run().restart()).isTrue();
        }
        assertThat(hall.start().configVersion()).as("first start on v2").isEqualTo(2);
        // it crashed; systemd starts it again
        assertThat(ConfigLoader.standard(hall.home(), Optional.of(hall.local()), Map.of()).configVersion())
                .as("a command reading the configuration does not count as a start").isEqualTo(2);
        assertThat(hall.start().configVersion()).as("second start on v2").isEqualTo(2);
        // crashed again
        KioskSettings third = hall.start();
        assertThat(third.onTrial()).isFalse();
        assertThat(third.configVersion()).isEqualTo(1);
        assertThat(third.get(ConfigKeys.HALL_NAME)).isEqualTo("第一版");
        ConfigTrial.State s = new ConfigTrial(hall.data()).read();
        assertThat(s.failedVersion()).isEqualTo(2);
        assertThat(s.failedReason()).contains("crashed twice");
        assertThat(hall.data().resolve(ConfigTrial.BUNDLE_FILE)).doesNotExist();
        assertThat(new VersionFloor(hall.data()).read()).isEqualTo(1);
    }
}
