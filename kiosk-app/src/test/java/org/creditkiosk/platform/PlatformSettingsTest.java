package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSettingsTest {

    static final String PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @TempDir
    Path dir;

    @Test
    void environmentWinsOverTheFiles() {
        PlatformSettings fromFiles = PlatformSettings.of("https://credit-platform.example/api", "YL-ZWDT-01-K03",
                Optional.of(Path.of("/etc/kiosk/secret")));
        PlatformSettings s = fromFiles.withEnvironment(Map.of(
                "KIOSK_PLATFORM_URL", "https://other.example/base",
                "KIOSK_ID", "YL-ZWDT-02-K01",
                "KIOSK_SECRET_FILE", "/run/secrets/kiosk",
                "KIOSK_TRUSTSTORE", "/etc/kiosk/trust.p12",
                "KIOSK_PINS", PIN + ", AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertThat(s.baseUrl()).isEqualTo("https://other.example/base");
        assertThat(s.kioskId()).isEqualTo("YL-ZWDT-02-K01");
        assertThat(s.secretFile()).contains(Path.of("/run/secrets/kiosk"));
        assertThat(s.truststore()).contains(Path.of("/etc/kiosk/trust.p12"));
        assertThat(s.pins()).containsExactly(PIN, PIN);
        assertThat(fromFiles.withEnvironment(Map.of("KIOSK_ID", " "))).isEqualTo(fromFiles);
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThat(PlatformSettings.of("http://127.0.0.1:8080/api", "K1", Optional.empty()).url().port()).isEqualTo(8080);
        assertThat(PlatformSettings.of("http://localhost:8080/api", "K1", Optional.empty())).isNotNull();
        assertThat(PlatformSettings.of("http://[::1]:8080/api", "K1", Optional.empty())).isNotNull();
        assertThatThrownBy(() -> PlatformSettings.of("http://credit-platform.example/api", "K1", Optional.empty()))
                .hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> PlatformSettings.of("http://10.0.0.5/api", "K1", Optional.empty()))
                .hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> PlatformSettings.of("ftp://x", "K1", Optional.empty())).hasMessageContaining("not an http");
    }

    @Test
    void boundsAreChecked() {
        PlatformSettings s = PlatformSettings.of("https://p.example/api", "K1", Optional.empty());
        assertThatThrownBy(() -> s.withTimeouts(Duration.ofMillis(10), null, null)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> s.withRetries(9, null, null)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> s.withEnvironment(Map.of("KIOSK_PINS", "sha256/short"))).hasMessageContaining("pin");
        assertThatThrownBy(() -> PlatformSettings.of("https://p.example/api", "K 1", Optional.empty())).hasMessageContaining("kiosk id");
        assertThatThrownBy(() -> new PlatformSettings.TimeLimits(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("outside");
        PlatformSettings.TimeLimits quick = new PlatformSettings.TimeLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));
        PlatformSettings withQuick = s.withLimits(Operation.HEARTBEAT, quick);
        assertThat(withQuick.limits(Operation.HEARTBEAT)).isEqualTo(quick);
        assertThat(withQuick.limits(Operation.OPEN_SESSION)).isEqualTo(new PlatformSettings.TimeLimits(
                PlatformSettings.DEFAULT_CONNECT_TIMEOUT, PlatformSettings.DEFAULT_READ_TIMEOUT, PlatformSettings.DEFAULT_CALL_TIMEOUT));
    }

    @Test
    void theSecretFileMustBePrivateAndOneLineOfBase64() throws IOException {
        Path ok = write("c2VjcmV0LWtleS1mb3ItdGVzdC12ZWN0b3JzLTAx\n", "rw-------");
        assertThat(new String(KioskSecret.read(ok))).isEqualTo("secret-key-for-test-vectors-01");
        assertThatThrownBy(() -> KioskSecret.read(write("c2VjcmV0LWtleS1mb3ItdGVzdC12ZWN0b3JzLTAx", "rw-r-----")))
                .hasMessageContaining("group/others").hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> KioskSecret.read(write("c2VjcmV0LWtleS1mb3ItdGVzdC12ZWN0b3JzLTAx", "rw----r--")))
                .hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> KioskSecret.read(write("not base64!", "rw-------"))).hasMessageContaining("Base64");
        assertThatThrownBy(() -> KioskSecret.read(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    private Path write(String text, String perms) throws IOException {
        Path f = Files.createTempFile(dir, "secret", "");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }
}
