package org.creditkiosk.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.e2e.HallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start checks: a complete hall set-up passes; each missing or unsafe piece is one named FAIL (or WARN). */
class PreflightTest {

    private static final String PIN = "sha256/" + "A".repeat(43) + "=";

    private static Map<String, String> complete(HallFiles hall) {
        Map<String, String> m = new HashMap<>(hall.settings());
        m.put("platform.url", "https://credit-platform.example/api");
        m.put("platform.pins", PIN);
        return m;
    }

    private static List<Check> check(Map<String, String> values) throws Exception {
        return check(new ConfigLoader().values(values, "technician file").load(), Clock.systemUTC());
    }

    private static List<Check> check(KioskSettings s, Clock clock) {
        return Preflight.check(s, Map.of(), clock);
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCompleteHallSetUpPasses(@TempDir Path dir) throws Exception {
        List<Check> checks = check(complete(HallFiles.create(dir)));
        assertThat(checks).allMatch(c -> c.status() == Check.Status.OK, "all OK: " + checks);
        assertThat(named(checks, "hall keystore").detail()).contains("CN=Test Hall Seal");
    }

    @Test
    void eachMissingPieceIsNamed(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir);
        for (var missing : Map.of(
                "platform.url", "platform URL",
                "platform.secretFile", "kiosk secret",
                "report.keystore", "hall keystore",
                "config.trustedKeysFile", "administrators' keys",
                "maintenance.pinHash", "maintenance PIN").entrySet()) {
            Map<String, String> v = complete(hall);
            v.remove(missing.getKey());
            Check c = named(check(v), missing.getValue());
            assertThat(c.status()).as(missing.getKey()).isEqualTo(Check.Status.FAIL);
            assertThat(c.detail()).as(missing.getKey()).contains(missing.getKey());
        }
    }

    @Test
    void plainHttpOnlyToLoopbackAndHttpsNeedsPinsOrATrustStore(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir);
        Map<String, String> v = complete(hall);
        v.put("platform.url", "http://credit-platform.example/api");
        assertThat(named(check(v), "platform URL").detail()).contains("plain http is allowed only to this machine");
        v.put("platform.url", "http://127.0.0.1:8080/api");
        assertThat(named(check(v), "platform URL").status()).isEqualTo(Check.Status.OK);
        v.put("platform.url", "https://credit-platform.example/api");
        v.remove("platform.pins");
        Check tls = named(check(v), "platform TLS");
        assertThat(tls.status()).isEqualTo(Check.Status.FAIL);
        assertThat(tls.detail()).contains("platform.pins").contains("platform.truststore");
    }

    @Test
    void secretFilesReadableByOthersAreRefused(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir);
        Files.setPosixFilePermissions(hall.secretFile, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(hall.keystorePass, PosixFilePermissions.fromString("rw-r-----"));
        List<Check> checks = check(complete(hall));
        assertThat(named(checks, "kiosk secret").detail()).contains("chmod 600");
        assertThat(named(checks, "hall keystore").detail()).contains(hall.keystorePass.toString()).contains("chmod 600");
    }

    @Test
    void aKeystoreThatCannotBeOpenedOrHasExpiredRefusesAndOneNearExpiryWarns(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("a"));
        Map<String, String> v = complete(hall);
        Files.writeString(hall.keystorePass, "wrong\n");
        assertThat(named(check(v), "hall keystore").status()).isEqualTo(Check.Status.FAIL);

        HallFiles soon = HallFiles.create(dir.resolve("b"), Duration.ofDays(10));
        KioskSettings s = new ConfigLoader().values(complete(soon), "technician file").load();
        Check warn = named(check(s, Clock.systemUTC()), "hall keystore");
        assertThat(warn.status()).isEqualTo(Check.Status.WARN);
        assertThat(warn.detail()).contains("renew");
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(11)), ZoneOffset.UTC);
        Check expired = named(check(s, later), "hall keystore");
        assertThat(expired.status()).isEqualTo(Check.Status.FAIL);
        assertThat(expired.detail()).contains("expired");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir);
        var ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("only-cert", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(loadCert(hall))));
        try (var out = Files.newOutputStream(hall.keystore)) {
            ks.store(out, "hall-test-password".toCharArray());
        }
        Check c = named(check(complete(hall)), "hall keystore");
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.detail()).contains("no key entry");
    }

    private static byte[] loadCert(HallFiles hall) throws Exception {
        var ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(hall.keystore)) {
            ks.load(in, "hall-test-password".toCharArray());
        }
        return ks.getCertificate("hall").getEncoded();
    }

    @Test
    void aMisspeltKeyInTheTechnicianFileIsNamedWithTheKeyItMeant(@TempDir Path dir) throws Exception {
        Map<String, String> v = complete(HallFiles.create(dir));
        v.put("platfrom.pins", PIN);
        Check c = named(check(v), "configuration keys");
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.detail()).contains("'platfrom.pins'").contains("did you mean 'platform.pins'");
    }
}
