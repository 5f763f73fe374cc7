package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.creditkiosk.assembly.HallSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.assembly.KioskAssembly;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 12 end to end, configured mode: a hall kiosk (technician file, hall keystore and trusted keys, the reader on
 * socat) and the platform; bundles made with {@code kiosk admin sign} and published on the platform. A bundle
 * published during a visit goes on trial at the next poll but the kiosk restarts into it only when the visit ends;
 * on it the kiosk proves healthy and it becomes the stored bundle; a bundle published while idle is applied within a
 * poll; on a bundle under which the kiosk cannot serve (the platform stays unreachable) the health gate returns to
 * the last good bundle and the next heartbeat reports the failed version. The test plays systemd: exit 75 is a
 * restart, a new kiosk from the files.
 */
class RolloutHallKioskTest {

    private static final String KIOSK = "YL-TEST-01-K09";

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static ConfigBundle sign(HallFiles hall, Path dir, long version, String settings) throws Exception {
        Path s = Files.writeString(dir.resolve("v" + version + ".properties"), settings);
        Path out = dir.resolve("v" + version + ".json");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new KioskCommand()).setErr(new PrintWriter(err, true)).execute("admin", "sign",
                "--key", hall.adminPem.toString(), "--key-id", "admin-1", "--settings", s.toString(),
                "--version", Long.toString(version), "--kiosk", KIOSK, "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        return Json.mapper().readValue(new File(out.toString()), ConfigBundle.class);
    }

    @Test
    void bundlesRollOutBetweenVisitsProveHealthyOrAreRolledBack(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        Path data = dir.resolve("etc").resolve("data");
        List<Integer> exits = new CopyOnWriteArrayList<>();
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, hall.secret, Clock.systemUTC());
             SocatPair line = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200))) {
            reader.attach(SerialPortLink.open(line.devicePath(), SerialSettings.of8N1(115200)));
            StringBuilder technician = new StringBuilder();
            hall.settings().forEach((k, v) -> technician.append(k).append('=').append(v).append('\n'));
            technician.append("platform.url=").append(platform.baseUrl()).append("\nkiosk.id=").append(KIOSK)
                    .append("\ndevices.idcard.port=").append(line.hostPath())
                    .append("\nconfig.pollIntervalS=5\nconfig.pollJitterS=0\nconfig.healthGateS=6\nops.heartbeatIntervalS=5\n");
            Path local = Files.writeString(dir.resolve("kiosk.properties"), technician.toString());

            // 1. a visit is in progress when v1 is published
            try (Kiosk a = start(dir, local, exits)) {
                var card = DemoFixtures.load().cards().stream()
                        .filter(c -> c.idNumber().equals("610881197804120030")).findFirst().orElseThrow();
                reader.placeCard(IdCardDataMapper.fromContract(card));
                await(() -> a.controller().view().state() == SessionState.SHOWING_RECORD, "record");
                platform.setConfigBundle(sign(hall, dir, 1, "kiosk.hallName=神木市政务服务中心\n"));
                await(() -> new ConfigTrial(data).read().trialVersion() == 1, "v1 on trial after a poll");
                assertThat(exits).as("no restart during the visit").isEmpty();
                assertThat(a.controller().view().state()).isEqualTo(SessionState.SHOWING_RECORD);
                reader.removeCard();
                await(() -> exits.size() == 1, "restart when the visit ends");
                assertThat(exits).containsExactly(KioskAssembly.RESTART_EXIT);
            }

            // 2. on v1 the kiosk reaches a healthy attract screen: v1 becomes the stored bundle
            try (Kiosk b = start(dir, local, exits)) {
                assertThat(b.settings().onTrial()).isTrue();
                assertThat(b.identity().hallName()).isEqualTo("神木市政务服务中心");
                await(() -> floor(data) == 1, "v1 promoted");
                // 3. v2 published while idle: applied within one poll
                long published = System.nanoTime();
                platform.setConfigBundle(sign(hall, dir, 2, "kiosk.hallName=神木市第二政务服务中心\n"));
                await(() -> exits.size() == 2, "restart into v2");
                System.out.printf("rollout: v2 applied %d ms after it was published (poll 5 s, no jitter)%n",
                        (System.nanoTime() - published) / 1_000_000);
            }

            // 4. on v2 the kiosk cannot reach the platform: the gate returns to v1 and says so
            platform.setOffline(true);
            try (Kiosk c = start(dir, local, exits)) {
                assertThat(c.settings().configVersion()).isEqualTo(2);
                await(() -> exits.size() == 3, "restart into the last good bundle");
            }
            assertThat(new ConfigTrial(data).read().failedVersion()).isEqualTo(2);
            assertThat(floor(data)).as("the floor never held v2").isEqualTo(1);
            platform.setOffline(false);
            int before = platform.heartbeats().size();
            try (Kiosk d = start(dir, local, exits)) {
                assertThat(d.settings().onTrial()).isFalse();
                assertThat(d.settings().configVersion()).isEqualTo(1);
                assertThat(d.identity().hallName()).isEqualTo("神木市政务服务中心");
                await(() -> platform.heartbeats().size() > before, "a heartbeat");
                var hb = platform.heartbeats().get(platform.heartbeats().size() - 1);
                assertThat(hb.configVersion()).isEqualTo(1);
                assertThat(hb.counters()).containsEntry("configFailedVersion", 2L).containsEntry("errors.CONFIG_ROLLED_BACK", 1L);
                // the platform still offers v2: it is not tried again
                Thread.sleep(6000);
                assertThat(exits).hasSize(3);
            }
        }
    }

    private static long floor(Path data) {
        try {
            return new VersionFloor(data).read();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Kiosk start(Path home, Path local, List<Integer> exits) throws Exception {
        KioskSettings settings = ConfigLoader.forKioskStart(home, Optional.of(local), Map.of(), Clock.systemUTC());
        return KioskAssembly.assemble(HallSources.of(settings), Map.of(), exits::add);
    }
}
