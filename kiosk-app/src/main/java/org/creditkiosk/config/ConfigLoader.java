package org.creditkiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.creditkiosk.platform.api.ConfigBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link KioskSettings} from layers, later wins (DESIGN.md §5): the defaults in {@link ConfigKeys}, the
 * shipped {@code config/kiosk.properties}, the technician's local file, then environment variables for the
 * platform settings. A layer with any invalid value is rejected whole, with every problem named. The administrators'
 * signed bundle sits between the shipped defaults and the technician's file and may set only the keys administrators
 * own ({@link ConfigKey#bundleAllowed()}).
 */
public final class ConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    /** Environment variables that service managers may set; they override the files. */
    public static final Map<String, ConfigKey<?>> ENVIRONMENT = Map.of(
            "KIOSK_PLATFORM_URL", ConfigKeys.PLATFORM_URL,
            "KIOSK_ID", ConfigKeys.KIOSK_ID,
            "KIOSK_SECRET_FILE", ConfigKeys.PLATFORM_SECRET_FILE,
            "KIOSK_TRUSTSTORE", ConfigKeys.PLATFORM_TRUSTSTORE,
            "KIOSK_PINS", ConfigKeys.PLATFORM_PINS);

    private final Map<String, String> raw = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long bundleVersion;

    public ConfigLoader() {
        for (ConfigKey<?> k : ConfigKeys.all()) {
            raw.put(k.name(), k.defaultText());
        }
    }

    /** Loads a properties file (UTF-8). A missing optional file is skipped; a missing required one is a problem. */
    public ConfigLoader file(Path path, boolean required) {
        if (!Files.exists(path)) {
            if (required) {
                problems.add(path + ": file not found");
            }
            return this;
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            layer(p, path.toString());
        } catch (IOException | IllegalArgumentException e) {
            problems.add(path + ": cannot be read (" + e.getMessage() + ")");
        }
        return this;
    }

    /** Loads properties from the classpath (tests and the jar's built-in defaults). */
    public ConfigLoader resource(String name) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(name)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                layer(p, "classpath:" + name);
            }
        } catch (IOException e) {
            problems.add("classpath:" + name + ": cannot be read (" + e.getMessage() + ")");
        }
        return this;
    }

    /** Explicit values (tests, command-line overrides). */
    public ConfigLoader values(Map<String, String> values, String source) {
        Properties p = new Properties();
        p.putAll(values);
        layer(p, source);
        return this;
    }

    /** The administrators' signed bundle, already verified ({@link SignedConfig}). */
    public ConfigLoader bundle(SignedConfig.Accepted bundle) {
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        bundle.values().keySet().stream().filter(k -> known.containsKey(k) && !known.get(k).bundleAllowed())
                .forEach(k -> problems.add("signed bundle v" + bundle.config().version() + ": sets " + k
                        + ", which only the local configuration may set"));
        values(bundle.values(), "signed bundle v" + bundle.config().version());
        bundle.unknownKeys().forEach(k -> unknown.put(k, "signed bundle v" + bundle.config().version()));
        bundleVersion = bundle.config().version();
        return this;
    }

    /** The service manager's environment: only the documented variables. */
    public ConfigLoader environment(Map<String, String> env) {
        ENVIRONMENT.forEach((var, key) -> {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                raw.put(key.name(), v);
                sources.put(key.name(), "env " + var);
            }
        });
        return this;
    }

    private void layer(Properties p, String source) {
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        for (String name : p.stringPropertyNames()) {
            if (!known.containsKey(name)) {
                unknown.putIfAbsent(name, source);
                log.warn("unknown configuration key '{}' in {} (ignored)", org.creditkiosk.platform.UntrustedText.forLog(name, 80), source);
                continue;
            }
            raw.put(name, p.getProperty(name));
            sources.put(name, source);
        }
    }

    /** Validates every value; throws with all problems, each naming key, value and reason. */
    public KioskSettings load() throws ConfigException {
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(problems);
        for (ConfigKey<?> k : ConfigKeys.all()) {
            String v = raw.get(k.name());
            try {
                values.put(k, k.parse(v));
            } catch (IllegalArgumentException e) {
                all.add(k.name() + " = '" + org.creditkiosk.platform.UntrustedText.forLog(v, 120) + "' (" + sources.getOrDefault(k.name(), "default") + "): "
                        + e.getMessage() + "; expected " + k.type() + ", " + k.bounds());
            }
        }
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        return new KioskSettings(values, sources, unknown, bundleVersion);
    }

    /** {@link #standard(Path, Optional, Map, Clock)} with the system clock. */
    public static KioskSettings standard(Path home, Optional<Path> localFile, Map<String, String> env) throws ConfigException {
        return standard(home, localFile, env, Clock.systemUTC());
    }

    /**
     * The standard layers (DESIGN.md §5): shipped defaults from {@code <home>/config/kiosk.properties}, the
     * administrators' signed bundle accepted before, the local file ({@code localFile} if given, else
     * {@code $KIOSK_CONFIG}, else {@code /etc/credit-kiosk/kiosk.properties}), then the environment.
     *
     * <p>The stored bundle is verified again ({@link SignedConfig#verifyStored}: signature, kiosk, {@code issuedAt}
     * against {@code clock}, administrators' keys only, valid settings, and a version equal to the
     * {@link VersionFloor}). One that fails, cannot be read, or is missing while the floor says a bundle was accepted
     * does not stop the start and does not vanish silently: the settings load without it and
     * {@link KioskSettings#bundleRefusal()} says why.
     *
     * @throws ConfigException when a layer other than the bundle has an invalid value (each problem named)
     */
    public static KioskSettings standard(Path home, Optional<Path> localFile, Map<String, String> env, Clock clock)
            throws ConfigException {
        return standard(home, localFile, env, clock, false);
    }

    /**
     * {@link #standard(Path, Optional, Map, Clock)} for the kiosk's own start (not a command reading the
     * configuration): a bundle on trial ({@link ConfigTrial}) counts this start, and one that cannot be used (too many
     * starts without proving healthy, refused by the checks, invalid together with the local file) fails its trial
     * here, so the kiosk starts on the last good configuration.
     */
    public static KioskSettings forKioskStart(Path home, Optional<Path> localFile, Map<String, String> env, Clock clock)
            throws ConfigException {
        return standard(home, localFile, env, clock, true);
    }

    private static KioskSettings standard(Path home, Optional<Path> localFile, Map<String, String> env, Clock clock,
            boolean kioskStart) throws ConfigException {
        Path local = localFile.orElseGet(() -> Optional.ofNullable(env.get("KIOSK_CONFIG")).map(Path::of)
                .orElse(Path.of("/etc/credit-kiosk/kiosk.properties")));
        Path shipped = home.resolve("config/kiosk.properties");
        KioskSettings base = new ConfigLoader().file(shipped, false).file(local, localFile.isPresent()).environment(env).load();
        Stored stored = storedBundle(base, clock.instant());
        Optional<KioskSettings> trial = trial(base, shipped, local, localFile.isPresent(), env, clock.instant(), kioskStart);
        if (trial.isPresent()) {
            return trial.get();
        }
        if (stored.refusal() != null) {
            return base.withBundleRefusal(stored.refusal());
        }
        if (stored.accepted() == null) {
            return base;
        }
        return new ConfigLoader().file(shipped, false).bundle(stored.accepted()).file(local, localFile.isPresent())
                .environment(env).load();
    }

    /** The settings with the bundle on trial, when there is one that may still be tried and passes every check. */
    private static Optional<KioskSettings> trial(KioskSettings base, Path shipped, Path local, boolean localRequired,
            Map<String, String> env, Instant now, boolean kioskStart) {
        Path dir = dataDir(base);
        ConfigTrial trial = new ConfigTrial(dir);
        try {
            ConfigTrial.State s = kioskStart ? trial.countStart() : trial.read();
            if (!s.onTrial()) {
                return Optional.empty();
            }
            long floor = new VersionFloor(dir).read();
            if (s.trialVersion() <= floor) {
                if (kioskStart) {
                    trial.clearPromoted();
                }
                return Optional.empty();
            }
            String problem = null;
            SignedConfig.Accepted accepted = null;
            Optional<ConfigBundle> bundle = trial.bundle();
            Optional<String> keysFile = base.get(ConfigKeys.TRUSTED_KEYS_FILE);
            if (s.starts() > ConfigTrial.MAX_STARTS) {
                problem = "the kiosk started " + (s.starts() - 1) + " times on it without reaching a healthy attract screen (crashed twice)";
            } else if (bundle.isEmpty()) {
                problem = ConfigTrial.BUNDLE_FILE + " is missing or unreadable";
            } else if (keysFile.isEmpty()) {
                problem = ConfigKeys.TRUSTED_KEYS_FILE.name() + " is not set";
            } else {
                SignedConfig.Verdict v = SignedConfig.verify(bundle.get(), TrustedKeys.load(Path.of(keysFile.get())),
                        base.get(ConfigKeys.KIOSK_ID), floor, now);
                if (v instanceof SignedConfig.Rejected r) {
                    problem = r.code() + ": " + r.detail();
                } else if (((SignedConfig.Accepted) v).version() != s.trialVersion()) {
                    problem = ConfigTrial.BUNDLE_FILE + " holds v" + ((SignedConfig.Accepted) v).version() + ", not v" + s.trialVersion();
                } else {
                    accepted = (SignedConfig.Accepted) v;
                }
            }
            if (accepted != null) {
                try {
                    KioskSettings on = new ConfigLoader().file(shipped, false).bundle(accepted).file(local, localRequired)
                            .environment(env).load().withTrial();
                    log.info("signed configuration bundle v{} in force on trial (start {} of {})", accepted.version(),
                            s.starts(), ConfigTrial.MAX_STARTS);
                    return Optional.of(on);
                } catch (ConfigException e) {
                    problem = "invalid together with the local configuration: " + String.join("; ", e.problems());
                }
            }
            if (kioskStart) {
                trial.fail(problem);
            } else {
                log.warn("configuration v{} on trial would not be used: {}", s.trialVersion(), problem);
            }
            return Optional.empty();
        } catch (IOException e) {
            log.error("configuration on trial cannot be checked ({}); running the last good configuration", e.toString());
            if (kioskStart) {
                try {
                    trial.fail("cannot be checked: " + firstLine(e.getMessage()));
                } catch (IOException ignored) {
                    // the state stays; the next start tries again
                }
            }
            return Optional.empty();
        }
    }

    /** The kiosk's data folder (demo keystore, accepted bundle; never citizen data). */
    public static Path dataDir(KioskSettings settings) {
        return settings.get(ConfigKeys.DATA_DIR).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "share", "credit-kiosk"));
    }

    /** Either the accepted stored bundle, or why it was refused, or neither (no bundle, none ever accepted). */
    private record Stored(SignedConfig.Accepted accepted, String refusal) {
    }

    private static Stored storedBundle(KioskSettings base, Instant now) {
        Path dir = dataDir(base);
        BundleStore store = new BundleStore(dir);
        Optional<ConfigBundle> bundle;
        long floor;
        try {
            bundle = store.read();
        } catch (IOException e) {
            return refused(store.file(), OptionalLong.empty(), "UNREADABLE", store.file().getFileName()
                    + " cannot be read (" + firstLine(e.getMessage()) + ")");
        }
        OptionalLong claimed = bundle.map(SignedConfig::claimedVersion).orElse(OptionalLong.empty());
        VersionFloor floorFile = new VersionFloor(dir);
        try {
            floor = floorFile.read();
        } catch (IOException e) {
            return refused(store.file(), claimed, "FLOOR_UNREADABLE", firstLine(e.getMessage()));
        }
        if (bundle.isEmpty()) {
            if (floor == 0) {
                return new Stored(null, null);
            }
            return refused(store.file(), OptionalLong.of(floor), "MISSING", "no stored bundle, but v" + floor
                    + " was accepted (" + VersionFloor.FILE + "): " + BundleStore.FILE + " was removed");
        }
        Optional<String> keysFile = base.get(ConfigKeys.TRUSTED_KEYS_FILE);
        if (keysFile.isEmpty()) {
            return refused(store.file(), claimed, "NO_TRUSTED_KEYS", ConfigKeys.TRUSTED_KEYS_FILE.name()
                    + " is not set, so the bundle cannot be checked");
        }
        TrustedKeys keys;
        try {
            keys = TrustedKeys.load(Path.of(keysFile.get()));
        } catch (IOException e) {
            return refused(store.file(), claimed, "NO_TRUSTED_KEYS", "trusted keys cannot be read: " + firstLine(e.getMessage()));
        }
        SignedConfig.Verdict v = SignedConfig.verifyStored(bundle.get(), keys, base.get(ConfigKeys.KIOSK_ID), floor, now);
        if (v instanceof SignedConfig.Accepted a) {
            log.info("signed configuration bundle v{} in force", a.version());
            return new Stored(a, null);
        }
        SignedConfig.Rejected r = (SignedConfig.Rejected) v;
        return refused(store.file(), claimed, r.code(), r.detail());
    }

    private static Stored refused(Path file, OptionalLong version, String code, String detail) {
        String reason = "stored configuration bundle" + (version.isPresent() ? " v" + version.getAsLong() : "")
                + " refused: " + code + ": " + detail;
        log.error("{} ({}); running without it, out of service until administrators send a valid newer bundle", reason, file);
        return new Stored(null, reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
