package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.platform.api.ConfigBundle;
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
    void shippedDefaultsFileIsValidAndTheReferenceIsTheGeneratedTable() throws Exception {
        Path home = Path.of(System.getProperty("kiosk.home", ".."));
        KioskSettings s = new ConfigLoader().file(home.resolve("config/kiosk.properties"), true).load();
        assertThat(s.unknownKeys()).isEmpty();
        String readme = Files.readString(home.resolve("config/README.md"));
        int start = readme.indexOf("| key | type |");
        assertThat(start).as("config/README.md has the key table").isNotNegative();
        StringBuilder table = new StringBuilder();
        for (String line : readme.substring(start).split("\n", -1)) {
            if (!line.startsWith("|")) {
                break;
            }
            table.append(line).append('\n');
        }
        assertThat(table.toString()).as("config/README.md's table equals 'kiosk config keys' (regenerate it)")
                .isEqualTo(ConfigReference.markdownTable());
        for (ConfigKey<?> k : ConfigKeys.all()) {
            assertThat(table.toString()).contains("| `" + k.name() + "` |")
                    .contains(" | " + (k.bundleAllowed() ? ConfigReference.BUNDLE_YES : ConfigReference.BUNDLE_NO) + " | ");
        }
    }

    // --- the stored bundle at start --------------------------------------------------------------------------

    private static final String KIOSK = "YL-ZWDT-01-K03";
    private final KeyPair admin = TestBundles.ed25519();

    /** A kiosk home with a technician file pointing at its data folder and trusted keys. */
    private record Kiosk(Path home, Path local, Path data) {
        KioskSettings start() throws ConfigException {
            return start(TestBundles.CLOCK);
        }

        KioskSettings start(Clock clock) throws ConfigException {
            return ConfigLoader.standard(home, Optional.of(local), Map.of(), clock);
        }

        void store(ConfigBundle b) throws IOException {
            new BundleStore(data).write(b);
        }
    }

    private Kiosk kiosk(Path dir) throws IOException {
        Path keys = TestBundles.trustedKeysFile(dir, "admin", admin);
        Path data = dir.resolve("data");
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data + "\nconfig.trustedKeysFile=" + keys + "\n");
        return new Kiosk(dir, local, data);
    }

    private ConfigBundle signed(long version, String settings) {
        return TestBundles.bundle(admin, "admin", TestBundles.config(version, "", settings));
    }

    private static void assertRefused(KioskSettings s, String startsWith) {
        assertThat(s.bundleRefusal()).as("bundle refusal").hasValueSatisfying(r -> assertThat(r).startsWith(startsWith));
        assertThat(s.configVersion()).isZero();
        assertThat(s.get(ConfigKeys.HALL_NAME)).as("settings without the bundle").isEqualTo("榆林市政务服务中心");
        assertThat(s.get(ConfigKeys.KIOSK_ID)).as("the local file still applies").isEqualTo(KIOSK);
    }

    @Test
    void noStoredBundleAndNoneEverAcceptedIsNoRefusal(@TempDir Path dir) throws Exception {
        KioskSettings s = kiosk(dir).start();
        assertThat(s.bundleRefusal()).isEmpty();
        assertThat(s.configVersion()).isZero();
    }

    @Test
    void aTamperedStoredBundleLoadsTheOtherLayersAndCarriesTheRefusal(@TempDir Path dir) throws Exception {
        Kiosk k = kiosk(dir);
        ConfigBundle good = signed(7, "\"kiosk.hallName\":\"神木市政务服务中心\"");
        k.store(good);
        new VersionFloor(k.data()).raise(7);
        assertThat(k.start().configVersion()).isEqualTo(7);

        String forged = Base64.getEncoder().encodeToString(TestBundles.config(7, "", "\"kiosk.hallName\":\"伪造\"")
                .getBytes(StandardCharsets.UTF_8));
        k.store(new ConfigBundle(good.keyId(), forged, good.signature()));
        KioskSettings s = k.start();
        assertRefused(s, "stored configuration bundle v7 refused: BAD_SIGNATURE: ");
        assertThat(s.bundleRefusal().get()).contains("does not match the payload");
    }

    @Test
    void anOlderValidlySignedBundlePutInPlaceOfTheStoredOneIsRefused(@TempDir Path dir) throws Exception {
        Kiosk k = kiosk(dir);
        ConfigBundle v6 = signed(6, "\"kiosk.hallName\":\"旧的\"");
        k.store(signed(7, "\"kiosk.hallName\":\"神木市政务服务中心\""));
        new VersionFloor(k.data()).raise(7);
        k.store(v6);
        KioskSettings s = k.start();
        assertRefused(s, "stored configuration bundle v6 refused: ROLLED_BACK: ");
        assertThat(s.bundleRefusal().get()).contains("v7");
        assertThat(new VersionFloor(k.data()).read()).as("the floor stays").isEqualTo(7);
    }

    @Test
    void aRemovedBundleOrARemovedFloorIsRefused(@TempDir Path dir) throws Exception {
        Kiosk k = kiosk(dir);
        k.store(signed(7, ""));
        new VersionFloor(k.data()).raise(7);
        Files.delete(new BundleStore(k.data()).file());
        assertRefused(k.start(), "stored configuration bundle v7 refused: MISSING: ");

        k.store(signed(7, ""));
        Files.delete(new VersionFloor(k.data()).file());
        assertRefused(k.start(), "stored configuration bundle v7 refused: NOT_RECORDED: ");

        Files.writeString(new VersionFloor(k.data()).file(), "seven\n");
        assertRefused(k.start(), "stored configuration bundle v7 refused: FLOOR_UNREADABLE: ");

        Files.writeString(new BundleStore(k.data()).file(), "{not json");
        Files.writeString(new VersionFloor(k.data()).file(), "7\n");
        assertRefused(k.start(), "stored configuration bundle refused: UNREADABLE: ");
    }

    @Test
    void aStoredBundleSettingALocalKeyIssuedInTheFutureOrUncheckableIsRefused(@TempDir Path dir) throws Exception {
        Kiosk k = kiosk(dir);
        // stored by a build that had no allow-list
        k.store(signed(7, "\"platform.url\":\"https://evil.example/api\",\"kiosk.hallName\":\"神木\""));
        new VersionFloor(k.data()).raise(7);
        KioskSettings s = k.start();
        assertRefused(s, "stored configuration bundle v7 refused: LOCAL_ONLY_KEYS: ");
        assertThat(s.bundleRefusal().get()).contains("platform.url");
        assertThat(s.get(ConfigKeys.PLATFORM_URL)).isEmpty();

        k.store(signed(7, ""));
        Clock behind = Clock.fixed(TestBundles.ISSUED.minusSeconds(301), ZoneOffset.UTC);
        assertRefused(k.start(behind), "stored configuration bundle v7 refused: ISSUED_IN_FUTURE: ");
        assertThat(k.start().bundleRefusal()).isEmpty();

        Files.writeString(k.local(), "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + k.data() + "\n");
        assertRefused(k.start(), "stored configuration bundle v7 refused: NO_TRUSTED_KEYS: ");
    }
}
