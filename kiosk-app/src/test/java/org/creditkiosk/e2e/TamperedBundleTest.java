package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.assembly.DemoSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.TestBundles;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored configuration bundle that no longer verifies at start (here: its payload was edited on disk) puts the
 * whole kiosk out of service with the reason on the maintenance screen, while the heartbeat keeps running so the
 * administrators can push a fix.
 */
class TamperedBundleTest {

    @Test
    void aTamperedStoredBundlePutsTheKioskOutOfServiceWithTheReason(@TempDir Path dir) throws Exception {
        KeyPair admin = TestBundles.ed25519();
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        Path data = dir.resolve("data");
        Path local = Files.writeString(dir.resolve("kiosk.properties"), "kiosk.dataDir=" + data
                + "\nconfig.trustedKeysFile=" + keys + "\nops.heartbeatIntervalS=5\nui.fullScreen=false\n");
        ConfigBundle good = TestBundles.bundle(admin, "admin", TestBundles.config(3, java.time.Instant.now(), "",
                "\"kiosk.hallName\":\"神木市政务服务中心\""));
        new BundleStore(data).write(good);
        new VersionFloor(data).raise(3);
        String forged = Base64.getEncoder().encodeToString(TestBundles.config(3, java.time.Instant.now(), "",
                "\"kiosk.hallName\":\"伪造\"").getBytes(StandardCharsets.UTF_8));
        new BundleStore(data).write(new ConfigBundle(good.keyId(), forged, good.signature()));

        KioskSettings settings = ConfigLoader.standard(dir, Optional.of(local), Map.of());
        assertThat(settings.bundleRefusal()).isPresent();
        try (Kiosk kiosk = TestKiosks.start(DemoSources.open(settings), Map.of())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (kiosk.controller().view().state() != SessionState.OUT_OF_SERVICE && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(kiosk.controller().view().state()).isEqualTo(SessionState.OUT_OF_SERVICE);
            assertThat(kiosk.controller().view().outOfServiceReason()).contains(Notice.OutOfService.CONFIGURATION_REFUSED);
            assertThat(kiosk.maintenanceTools().status().get().facts())
                    .anyMatch(f -> f.startsWith("OUT OF SERVICE: stored configuration bundle v3 refused: BAD_SIGNATURE"));
            // the heartbeat still reaches the platform, so a fixed bundle can be pushed
            var platform = kiosk.demo().orElseThrow().platform();
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (platform.heartbeats().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(platform.heartbeats()).isNotEmpty();
        }
    }
}
