package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsAreValidAndLaterLayersWin(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "session.timeout.showingRecord=45\ndevices.idcard.port=/dev/kiosk-idcard\nno.such.key=1\n");
        KioskSettings s = new ConfigLoader().file(local, true)
                .environment(Map.of("KIOSK_PLATFORM_URL", "https://credit-platform.example/api", "PATH", "/bin"))
                .load();
        assertThat(s.get(ConfigKeys.SESSION_TIMEOUTS.get(SessionState.SHOWING_RECORD))).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.sessionTimeouts().of(SessionState.SHOWING_RECORD)).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.get(ConfigKeys.IDCARD_PORT)).contains("/dev/kiosk-idcard");
        assertThat(s.get(ConfigKeys.PLATFORM_URL)).contains("https://credit-platform.example/api");
        assertThat(s.sourceOf(ConfigKeys.PLATFORM_URL)).isEqualTo("env KIOSK_PLATFORM_URL");
        assertThat(s.sourceOf(ConfigKeys.IDCARD_PORT)).isEqualTo(local.toString());
        assertThat(s.unknownKeys()).containsExactly("no.such.key");
    }

    @Test
    void invalidValuesAreRejectedWithKeyValueAndReason() {
        assertThatThrownBy(() -> new ConfigLoader()
                .values(Map.of("devices.idcard.pollIntervalMs", "50", "ui.language", "fr", "kiosk.id", "bad id"), "test")
                .load())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("devices.idcard.pollIntervalMs = '50'").contains("outside 300 to 5000"))
                        .anySatisfy(p -> assertThat(p).contains("ui.language = 'fr'").contains("not one of zh, en"))
                        .anySatisfy(p -> assertThat(p).contains("kiosk.id = 'bad id'")));
    }

    @Test
    void missingRequiredLocalFileIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.standard(dir, Optional.of(dir.resolve("nope.properties")), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file not found");
    }

    @Test
    void shippedDefaultsFileIsValidAndTheReferenceDocumentsEveryKey() throws Exception {
        Path home = Path.of(System.getProperty("kiosk.home", ".."));
        KioskSettings s = new ConfigLoader().file(home.resolve("config/kiosk.properties"), true).load();
        assertThat(s.unknownKeys()).isEmpty();
        String readme = Files.readString(home.resolve("config/README.md"));
        for (ConfigKey<?> k : ConfigKeys.all()) {
            assertThat(readme).as("config/README.md documents " + k.name()).contains("`" + k.name() + "`");
        }
    }
}
