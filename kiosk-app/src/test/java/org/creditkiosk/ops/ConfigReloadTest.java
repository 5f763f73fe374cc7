package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.TestBundles;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELOAD_CONFIG against the demo platform: a good bundle is put on trial for the restart and, once healthy, raises
 * the version floor; a
 * tampered one, one setting local-only keys, one from the future, or one not above the floor is refused; and the
 * floor holds across restarts even when the stored bundle file is replaced.
 */
class ConfigReloadTest {

    private static final String KIOSK = "YL-DEMO-01-K01";
    private final KeyPair admin = TestBundles.ed25519();

    private ConfigBundle signed(long version, String settings) {
        return TestBundles.bundle(admin, "admin", TestBundles.config(version, "", settings));
    }

    private static RemoteActions.Reload reload(PlatformOps client, KioskSettings settings) {
        return new ConfigReload(client, settings, TestBundles.CLOCK).run();
    }

    private static void assertRefused(RemoteActions.Reload r, String code) {
        assertThat(r.result().outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
        assertThat(r.result().detail()).get().asString().startsWith(code);
        assertThat(r.restart()).isFalse();
    }

    @Test
    void goodBundleIsStoredTamperedOneRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        KioskSettings settings = new ConfigLoader().values(Map.of("kiosk.id", KIOSK,
                "kiosk.dataDir", dir.toString(), "config.trustedKeysFile", keys.toString()), "test").load();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            ConfigBundle good = signed(2, "\"kiosk.hallName\":\"神木市政务服务中心\"");
            byte[] forged = new String(Base64.getDecoder().decode(good.payload()), StandardCharsets.UTF_8).replace("神木", "伪造")
                    .getBytes(StandardCharsets.UTF_8);
            server.setConfigBundle(new ConfigBundle("admin", Base64.getEncoder().encodeToString(forged), good.signature()));
            assertRefused(reload(client, settings), "BAD_SIGNATURE");
            assertThat(dir.resolve(BundleStore.FILE)).doesNotExist();
            assertThat(dir.resolve(VersionFloor.FILE)).doesNotExist();

            server.setConfigBundle(good);
            var accepted = reload(client, settings);
            assertThat(accepted.result().outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(accepted.restart()).isTrue();
            // on trial: stored beside the last good one, the floor not raised until the kiosk proves healthy on it
            assertThat(new ConfigTrial(dir).read().trialVersion()).isEqualTo(2);
            assertThat(new ConfigTrial(dir).bundle()).contains(good);
            assertThat(dir.resolve(BundleStore.FILE)).doesNotExist();
            assertThat(new VersionFloor(dir).read()).isZero();
            assertThat(new ConfigTrial(dir).promote()).isEqualTo(2);
            assertThat(new BundleStore(dir).read()).contains(good);
            assertThat(new VersionFloor(dir).read()).isEqualTo(2);
            assertThat(dir.resolve(ConfigTrial.BUNDLE_FILE)).doesNotExist();
        }
    }

    @Test
    void localOnlyKeysAndBundlesFromTheFutureAreRefusedAndNothingIsStored(@TempDir Path dir) throws Exception {
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        KioskSettings settings = new ConfigLoader().values(Map.of("kiosk.id", KIOSK,
                "kiosk.dataDir", dir.toString(), "config.trustedKeysFile", keys.toString()), "test").load();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            server.setConfigBundle(signed(2, "\"kiosk.hallName\":\"神木\",\"platform.pins\":\"sha256/AAAA\",\"devices.idcard.port\":\"/dev/ttyS0\""));
            var r = reload(client, settings);
            assertRefused(r, "LOCAL_ONLY_KEYS");
            assertThat(r.result().detail().get()).contains("platform.pins, devices.idcard.port").doesNotContain("hallName");

            server.setConfigBundle(TestBundles.bundle(admin, "admin",
                    TestBundles.config(2, TestBundles.NOW.plusSeconds(301), "", "\"kiosk.hallName\":\"神木\"")));
            assertRefused(reload(client, settings), "ISSUED_IN_FUTURE");
            assertThat(dir.resolve(BundleStore.FILE)).doesNotExist();
            assertThat(dir.resolve(VersionFloor.FILE)).doesNotExist();
            assertThat(dir.resolve(ConfigTrial.BUNDLE_FILE)).doesNotExist();
        }
    }

    @Test
    void aLowerOrEqualVersionIsRefusedAfterRestartEvenWhenTheStoredBundleWasReplaced(@TempDir Path dir) throws Exception {
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        Path data = dir.resolve("data");
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data + "\nconfig.trustedKeysFile=" + keys + "\n");
        ConfigBundle v1 = signed(1, "\"kiosk.hallName\":\"第一版\"");
        ConfigBundle v2 = signed(2, "\"kiosk.hallName\":\"第二版\"");
        ConfigBundle v3 = signed(3, "\"kiosk.hallName\":\"第三版\"");
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            KioskSettings first = start(dir, local);
            server.setConfigBundle(v1);
            assertThat(reload(client, first).restart()).isTrue();
            server.setConfigBundle(v2);
            assertThat(reload(client, first).restart()).as("newer than the floor, not only than the running v0").isTrue();

            KioskSettings second = start(dir, local);
            assertThat(second.configVersion()).isEqualTo(2);
            assertThat(second.onTrial()).isTrue();
            assertThat(second.get(ConfigKeys.HALL_NAME)).isEqualTo("第二版");
            assertRefused(reload(client, second), "NOT_NEWER");
            assertThat(new ConfigTrial(data).promote()).as("the health gate passed").isEqualTo(2);
            assertThat(start(dir, local).onTrial()).isFalse();
            assertRefused(reload(client, second), "NOT_NEWER");
            server.setConfigBundle(v1);
            assertRefused(reload(client, second), "NOT_NEWER");

            // someone puts the older, validly signed v1 in place of the stored v2
            new BundleStore(data).write(v1);
            KioskSettings third = start(dir, local);
            assertThat(third.bundleRefusal()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("stored configuration bundle v1 refused: ROLLED_BACK"));
            assertThat(third.configVersion()).isZero();
            assertThat(third.get(ConfigKeys.HALL_NAME)).isEqualTo("榆林市政务服务中心");
            assertRefused(reload(client, third), "NOT_NEWER");
            server.setConfigBundle(v2);
            assertRefused(reload(client, third), "NOT_NEWER");
            assertThat(new VersionFloor(data).read()).isEqualTo(2);

            // administrators bring the kiosk back with a valid newer bundle
            server.setConfigBundle(v3);
            var back = reload(client, third);
            assertThat(back.result().outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(back.restart()).isTrue();
            KioskSettings fourth = start(dir, local);
            assertThat(fourth.bundleRefusal()).isEmpty();
            assertThat(fourth.configVersion()).isEqualTo(3);
            assertThat(fourth.get(ConfigKeys.HALL_NAME)).isEqualTo("第三版");
        }
    }

    private static KioskSettings start(Path home, Path local) throws Exception {
        return ConfigLoader.forKioskStart(home, Optional.of(local), Map.of(), TestBundles.CLOCK);
    }
}
