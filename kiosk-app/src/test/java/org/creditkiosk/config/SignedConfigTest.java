package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditkiosk.config.TestBundles.NOW;
import static org.creditkiosk.config.TestBundles.bundle;
import static org.creditkiosk.config.TestBundles.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed configuration bundles: exactly the contract's checks, then the kiosk's own rules; tampering refused. */
class SignedConfigTest {

    private static final String KIOSK = "YL-ZWDT-01-K03";
    private final KeyPair admin = TestBundles.ed25519();
    private final KeyPair stranger = TestBundles.ed25519();
    private final TrustedKeys trusted = TrustedKeys.of(Map.of("admin-2026", admin.getPublic()));

    /** What decides trust or is physical (DESIGN.md §5): never settable by a bundle. */
    static final List<String> LOCAL_ONLY = List.of("platform.url", "platform.pins", "platform.truststore",
            "platform.secretFile", "platform.verifyHost", "config.trustedKeysFile", "kiosk.dataDir", "kiosk.id",
            "ui.fullScreen", "ui.demoPanel", "devices.idcard.port", "devices.idcard.baud", "devices.receipt.port",
            "devices.receipt.baud", "devices.scanner.port", "devices.scanner.baud", "devices.scanner.terminator",
            "devices.scanner.charset", "devices.scanner.triggerHex", "printer.reportQueue", "report.outputDir",
            "report.keystore", "report.keystorePassFile");

    /** What administrators own: hall texts, language, timeouts, intervals, quotas, the maintenance PIN hash. */
    static final List<String> ADMINISTRATORS = List.of("kiosk.hallName", "kiosk.hallNameEn", "kiosk.servicePhone",
            "ui.language", "platform.connectTimeoutMs", "platform.readTimeoutMs", "platform.callTimeoutMs",
            "platform.watchIntervalS", "platform.probeIntervalS", "platform.failureThreshold", "ops.heartbeatIntervalS",
            "devices.idcard.pollIntervalMs", "report.issuer", "maintenance.pinHash", "maintenance.holdMs",
            "voice.mute", "voice.volume", "voice.always");

    static String setting(String key, String value) {
        return TextNode.valueOf(key) + ":" + TextNode.valueOf(value);
    }

    @Test
    void aValidBundleIsAcceptedWithItsSettingsAndUnknownKeysReported() {
        ConfigBundle b = bundle(admin, "admin-2026", config(7, ",\"kioskIds\":[\"" + KIOSK + "\"]",
                "\"kiosk.hallName\":\"神木市政务服务中心\",\"session.timeout.showingRecord\":120,\"future.key\":true"));
        SignedConfig.Verdict v = SignedConfig.verify(b, trusted, KIOSK, 6, NOW);
        assertThat(v).isInstanceOfSatisfying(SignedConfig.Accepted.class, a -> {
            assertThat(a.version()).isEqualTo(7);
            assertThat(a.values()).containsEntry("kiosk.hallName", "神木市政务服务中心").containsEntry("session.timeout.showingRecord", "120");
            assertThat(a.unknownKeys()).containsExactly("future.key");
        });
    }

    @Test
    void everyContractCheckRefusesTheBundleWithItsReason() {
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
        assertThat(code(ok, 7)).as("equal to the floor").isEqualTo("NOT_NEWER");
        assertThat(code(ok, 9)).as("below the floor").isEqualTo("NOT_NEWER");
        SignedConfig.Verdict bad = SignedConfig.verify(bundle(admin, "admin-2026",
                config(8, "", "\"devices.idcard.pollIntervalMs\":50")), trusted, KIOSK, 0, NOW);
        assertThat(bad).isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("INVALID_SETTINGS");
            assertThat(r.detail()).contains("devices.idcard.pollIntervalMs").contains("outside 300 to 5000");
        });
    }

    @Test
    void aBundleIssuedLaterThanNowPlusTheClockWindowIsRefused() {
        ConfigBundle atEdge = bundle(admin, "admin-2026", config(7, NOW.plusSeconds(300), "", ""));
        ConfigBundle beyond = bundle(admin, "admin-2026", config(7, NOW.plusSeconds(301), "", ""));
        assertThat(SignedConfig.verify(atEdge, trusted, KIOSK, 0, NOW)).isInstanceOf(SignedConfig.Accepted.class);
        assertThat(SignedConfig.verify(beyond, trusted, KIOSK, 0, NOW)).isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("ISSUED_IN_FUTURE");
            assertThat(r.detail()).contains(NOW.plusSeconds(301).toString()).contains("300 s");
        });
        assertThat(SignedConfig.verifyStored(beyond, trusted, KIOSK, 7, NOW))
                .isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> assertThat(r.code()).isEqualTo("ISSUED_IN_FUTURE"));
        assertThat(SignedConfig.verify(beyond, trusted, KIOSK, 0, NOW.plusSeconds(1))).isInstanceOf(SignedConfig.Accepted.class);
    }

    @Test
    void theKeysThatDecideTrustOrArePhysicalAreLocalOnlyAndTheAdministratorsKeysAreNot() {
        Map<String, ConfigKey<?>> keys = ConfigKeys.byName();
        assertThat(LOCAL_ONLY).allSatisfy(k -> assertThat(keys.get(k)).as(k).isNotNull()
                .satisfies(key -> assertThat(key.bundleAllowed()).as(k + " is local only").isFalse()));
        assertThat(ADMINISTRATORS).allSatisfy(k -> assertThat(keys.get(k)).as(k).isNotNull()
                .satisfies(key -> assertThat(key.bundleAllowed()).as(k + " is the administrators'").isTrue()));
        assertThat(ConfigKeys.SESSION_TIMEOUTS.values()).allSatisfy(k -> assertThat(k.bundleAllowed()).as(k.name()).isTrue());
        assertThat(ConfigLoader.ENVIRONMENT.values()).allSatisfy(k -> assertThat(k.bundleAllowed()).as(k.name()).isFalse());
    }

    @Test
    void eachLocalOnlyKeyRefusesTheWholeBundleNamingTheKey() {
        List<ConfigKey<?>> local = ConfigKeys.all().stream().filter(k -> !k.bundleAllowed()).toList();
        assertThat(local).extracting(ConfigKey::name).containsAll(LOCAL_ONLY);
        for (ConfigKey<?> k : local) {
            // a valid value (its default) next to a key administrators may set: still refused whole
            ConfigBundle b = bundle(admin, "admin-2026", config(8, "",
                    setting("kiosk.hallName", "神木市政务服务中心") + "," + setting(k.name(), k.defaultText())));
            assertThat(SignedConfig.verify(b, trusted, KIOSK, 7, NOW)).as(k.name())
                    .isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> {
                        assertThat(r.code()).isEqualTo("LOCAL_ONLY_KEYS");
                        assertThat(r.detail()).contains(k.name()).doesNotContain("kiosk.hallName");
                    });
        }
        ConfigBundle several = bundle(admin, "admin-2026", config(8, "",
                setting("platform.url", "https://evil.example/api") + "," + setting("config.trustedKeysFile", "/tmp/mine")
                        + "," + setting("ui.language", "en")));
        assertThat(SignedConfig.verify(several, trusted, KIOSK, 7, NOW)).isInstanceOfSatisfying(SignedConfig.Rejected.class,
                r -> assertThat(r.detail()).contains("platform.url, config.trustedKeysFile").doesNotContain("ui.language"));
    }

    @Test
    void everyKeyAdministratorsOwnMayBeSetTogether() {
        String all = ConfigKeys.bundleAllowed().stream().map(k -> setting(k.name(), k.defaultText()))
                .collect(Collectors.joining(","));
        SignedConfig.Verdict v = SignedConfig.verify(bundle(admin, "admin-2026", config(8, "", all)), trusted, KIOSK, 7, NOW);
        assertThat(v).isInstanceOfSatisfying(SignedConfig.Accepted.class, a -> assertThat(a.values().keySet())
                .containsAll(ADMINISTRATORS)
                .contains(ConfigKeys.SESSION_TIMEOUTS.get(SessionState.SHOWING_RECORD).name()));
    }

    @Test
    void theStoredBundleMustBeExactlyAtTheVersionFloor() {
        ConfigBundle v5 = bundle(admin, "admin-2026", config(5, "", ""));
        assertThat(SignedConfig.verifyStored(v5, trusted, KIOSK, 5, NOW)).isInstanceOf(SignedConfig.Accepted.class);
        assertThat(SignedConfig.verifyStored(v5, trusted, KIOSK, 6, NOW))
                .isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> assertThat(r.code()).isEqualTo("ROLLED_BACK"));
        assertThat(SignedConfig.verifyStored(v5, trusted, KIOSK, 4, NOW))
                .isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> assertThat(r.code()).isEqualTo("NOT_RECORDED"));
        assertThat(SignedConfig.verifyStored(v5, trusted, KIOSK, 0, NOW))
                .isInstanceOfSatisfying(SignedConfig.Rejected.class, r -> assertThat(r.code()).isEqualTo("NOT_RECORDED"));
        assertThat(SignedConfig.claimedVersion(v5)).hasValue(5);
        assertThat(SignedConfig.claimedVersion(new ConfigBundle("k", "%%%", "x"))).isEmpty();
    }

    @Test
    void aStoredBundleIsLayeredBetweenShippedDefaultsAndTheTechnicianFileAndATamperedOneIsRefused(@TempDir Path dir) throws Exception {
        Path keys = TestBundles.trustedKeysFile(dir, "admin-2026", admin);
        Path data = dir.resolve("data");
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data + "\nconfig.trustedKeysFile=" + keys
                + "\nkiosk.servicePhone=0912-99999\n");
        ConfigBundle b = bundle(admin, "admin-2026", config(3, "",
                "\"kiosk.hallName\":\"神木市政务服务中心\",\"kiosk.servicePhone\":\"0912-11111\""));
        new BundleStore(data).write(b);
        new VersionFloor(data).raise(3);

        KioskSettings s = ConfigLoader.standard(dir, Optional.of(local), Map.of(), TestBundles.CLOCK);
        assertThat(s.bundleRefusal()).isEmpty();
        assertThat(s.configVersion()).isEqualTo(3);
        assertThat(s.get(ConfigKeys.HALL_NAME)).isEqualTo("神木市政务服务中心");
        assertThat(s.get(ConfigKeys.SERVICE_PHONE)).as("the technician file wins").isEqualTo("0912-99999");
        assertThat(s.sourceOf(ConfigKeys.HALL_NAME)).isEqualTo("signed bundle v3");

        // someone edits the stored bundle on disk: it no longer verifies; the kiosk starts without it and says why
        String text = Files.readString(data.resolve(BundleStore.FILE));
        String forged = Base64.getEncoder().encodeToString(config(3, "", "\"kiosk.hallName\":\"伪造\"").getBytes(StandardCharsets.UTF_8));
        Files.writeString(data.resolve(BundleStore.FILE), text.replace(b.payload(), forged));
        KioskSettings after = ConfigLoader.standard(dir, Optional.of(local), Map.of(), TestBundles.CLOCK);
        assertThat(after.configVersion()).isZero();
        assertThat(after.get(ConfigKeys.HALL_NAME)).isEqualTo("榆林市政务服务中心");
        assertThat(after.get(ConfigKeys.SERVICE_PHONE)).isEqualTo("0912-99999");
        assertThat(after.bundleRefusal()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("stored configuration bundle v3 refused: BAD_SIGNATURE"));
    }

    private String code(ConfigBundle b, long floor) {
        SignedConfig.Verdict v = SignedConfig.verify(b, trusted, KIOSK, floor, NOW);
        assertThat(v).isInstanceOf(SignedConfig.Rejected.class);
        return ((SignedConfig.Rejected) v).code();
    }
}
