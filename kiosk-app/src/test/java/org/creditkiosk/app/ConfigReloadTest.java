package org.creditkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELOAD_CONFIG against the demo platform: a good bundle is stored for the restart, a tampered one refused. */
class ConfigReloadTest {

    @Test
    void goodBundleIsStoredTamperedOneRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        KeyPair admin = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keys = dir.resolve("trusted-keys");
        Files.writeString(keys, "admin " + Base64.getEncoder().encodeToString(admin.getPublic().getEncoded()) + "\n");
        KioskSettings settings = new ConfigLoader().values(Map.of("kiosk.id", "YL-DEMO-01-K01",
                "kiosk.dataDir", dir.toString(), "config.trustedKeysFile", keys.toString()), "test").load();
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01", secret, Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            byte[] payload = ("{\"version\":2,\"issuedAt\":\"2026-11-27T03:00:00Z\",\"settings\":{\"kiosk.hallName\":\"神木市政务服务中心\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(admin.getPrivate());
            s.update(payload);
            String sig = Base64.getEncoder().encodeToString(s.sign());

            byte[] forged = new String(payload, StandardCharsets.UTF_8).replace("神木", "伪造").getBytes(StandardCharsets.UTF_8);
            server.setConfigBundle(new ConfigBundle("admin", Base64.getEncoder().encodeToString(forged), sig));
            var refused = new ConfigReload(client, settings).run();
            assertThat(refused.result().outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(refused.result().detail()).get().asString().startsWith("BAD_SIGNATURE");
            assertThat(refused.restart()).isFalse();
            assertThat(dir.resolve(BundleStore.FILE)).doesNotExist();

            server.setConfigBundle(new ConfigBundle("admin", Base64.getEncoder().encodeToString(payload), sig));
            var accepted = new ConfigReload(client, settings).run();
            assertThat(accepted.result().outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(accepted.restart()).isTrue();
            assertThat(new BundleStore(dir).read()).isPresent();
        }
    }
}
