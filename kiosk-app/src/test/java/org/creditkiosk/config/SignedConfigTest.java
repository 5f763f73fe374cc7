package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.platform.api.ConfigBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed configuration bundles: exactly the contract's checks, then the kiosk's own validation; tampering refused. */
class SignedConfigTest {

    private static final String KIOSK = "YL-ZWDT-01-K03";
    private final KeyPair admin = ed25519();
    private final KeyPair stranger = ed25519();
    private final TrustedKeys trusted = TrustedKeys.of(Map.of("admin-2026", admin.getPublic()));

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ConfigBundle bundle(KeyPair key, String keyId, String json) throws Exception {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(payload);
        return new ConfigBundle(keyId, Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(s.sign()));
    }

    private static String config(long version, String kioskIds, String settings) {
        return "{\"version\":" + version + ",\"issuedAt\":\"2026-11-27T03:00:00Z\"" + kioskIds + ",\"settings\":{" + settings + "}}";
    }

    @Test
    void aValidBundleIsAcceptedWithItsSettingsAndUnknownKeysReported() throws Exception {
        ConfigBundle b = bundle(admin, "admin-2026", config(7, ",\"kioskIds\":[\"" + KIOSK + "\"]",
                "\"kiosk.hallName\":\"神木市政务服务中心\",\"session.timeout.showingRecord\":120,\"future.key\":true"));
        SignedConfig.Verdict v = SignedConfig.verify(b, trusted, KIOSK, 6);
        assertThat(v).isInstanceOfSatisfying(SignedConfig.Accepted.class, a -> {
            assertThat(a.config().version()).isEqualTo(7);
            assertThat(a.values()).containsEntry("kiosk.hallName", "神木市政务服务中心").containsEntry("session.timeout.showingRecord", "120");
            assertThat(a.unknownKeys()).containsExactly("future.key");
        });
    }

    @Test
    void everyContractCheckRefusesTheBundleWithItsReason() throws Exception {
        String good = config(7, "", "\"kiosk.hallName\":\"神木市政务服务中心\"");
        ConfigBundle ok = bundle(admin, "admin-2026", good);
        // a byte of the payload changed after signing
        byte[] payload = Base64.getDecoder().decode(ok.payload());
        payload[payload.length - 5] ^= 1;
        ConfigBundle tampered = new ConfigBundle(ok.keyId(), Base64.getEncoder().encodeToString(payload), ok.signature());
        assertThat(code(tampered, 0)).isEqualTo("BAD_SIGNATURE");
        assertThat(code(bundle(stranger, "admin-2026", good), 0)).isEqualTo("BAD_SIGNATURE");
        assertThat(code(bundle(stranger, "someone", good), 0)).isEqualTo("UNKNOWN_KEY");
        assertThat(code(new ConfigBundle("admin-2026", "%%%", ok.signature()), 0)).isEqualTo("MALFORMED");
        assertThat(code(bundle(admin, "admin-2026", "not json"), 0)).isEqualTo("MALFORMED");
        assertThat(code(bundle(admin, "admin-2026", config(7, ",\"kioskIds\":[\"YL-OTHER-K01\"]", "")), 0)).isEqualTo("NOT_FOR_THIS_KIOSK");
        assertThat(code(ok, 7)).isEqualTo("NOT_NEWER");
        SignedConfig.Verdict bad = SignedConfig.verify(bundle(admin, "admin-2026",
                config(8, "", "\"devices.idcard.pollIntervalMs\":50")), trusted, KIOSK, 0);
        assertThat(bad).isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("INVALID_SETTINGS");
            assertThat(r.detail()).contains("devices.idcard.pollIntervalMs").contains("outside 300 to 5000");
        });
    }

    @Test
    void aStoredBundleIsLayeredBetweenShippedDefaultsAndTheTechnicianFileAndATamperedOneIsIgnored(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("trusted-keys");
        Files.writeString(keys, "# administrators\nadmin-2026 " + Base64.getEncoder().encodeToString(admin.getPublic().getEncoded()) + "\n");
        Path data = dir.resolve("data");
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data + "\nconfig.trustedKeysFile=" + keys
                + "\nkiosk.servicePhone=0912-99999\n");
        ConfigBundle b = bundle(admin, "admin-2026", config(3, "",
                "\"kiosk.hallName\":\"神木市政务服务中心\",\"kiosk.servicePhone\":\"0912-11111\""));
        new BundleStore(data).write(b);

        KioskSettings s = ConfigLoader.standard(dir, Optional.of(local), Map.of());
        assertThat(s.configVersion()).isEqualTo(3);
        assertThat(s.get(ConfigKeys.HALL_NAME)).isEqualTo("神木市政务服务中心");
        assertThat(s.get(ConfigKeys.SERVICE_PHONE)).as("the technician file wins").isEqualTo("0912-99999");
        assertThat(s.sourceOf(ConfigKeys.HALL_NAME)).isEqualTo("signed bundle v3");

        // someone edits the stored bundle on disk: it no longer verifies, and the kiosk starts without it
        String text = Files.readString(data.resolve(BundleStore.FILE));
        String forged = Base64.getEncoder().encodeToString(config(3, "", "\"kiosk.hallName\":\"伪造\"").getBytes(StandardCharsets.UTF_8));
        Files.writeString(data.resolve(BundleStore.FILE), text.replace(b.payload(), forged));
        KioskSettings after = ConfigLoader.standard(dir, Optional.of(local), Map.of());
        assertThat(after.configVersion()).isZero();
        assertThat(after.get(ConfigKeys.HALL_NAME)).isEqualTo("榆林市政务服务中心");
    }

    private String code(ConfigBundle b, long running) {
        SignedConfig.Verdict v = SignedConfig.verify(b, trusted, KIOSK, running);
        assertThat(v).isInstanceOf(SignedConfig.Rejected.class);
        return ((SignedConfig.Rejected) v).code();
    }
}
