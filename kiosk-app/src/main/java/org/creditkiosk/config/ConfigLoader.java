package org.creditkiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link KioskSettings} from layers, later wins (DESIGN.md §5): the defaults in {@link ConfigKeys}, the
 * shipped {@code config/kiosk.properties}, the technician's local file, then environment variables for the
 * platform settings. A layer with any invalid value is rejected whole, with every problem named.
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
                log.warn("unknown configuration key '{}' in {} (ignored)", name, source);
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
                all.add(k.name() + " = '" + v + "' (" + sources.getOrDefault(k.name(), "default") + "): "
                        + e.getMessage() + "; expected " + k.type() + ", " + k.bounds());
            }
        }
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        return new KioskSettings(values, sources, unknown, bundleVersion);
    }

    /**
     * The standard layers (DESIGN.md §5): shipped defaults from {@code <home>/config/kiosk.properties}, the
     * administrators' signed bundle accepted before (re-verified at every start; one that no longer verifies is
     * ignored with a log line, and the rest stays in force), the local file ({@code localFile} if given, else
     * {@code $KIOSK_CONFIG}, else {@code /etc/credit-kiosk/kiosk.properties}), then the environment.
     */
    public static KioskSettings standard(Path home, Optional<Path> localFile, Map<String, String> env) throws ConfigException {
        Path local = localFile.orElseGet(() -> Optional.ofNullable(env.get("KIOSK_CONFIG")).map(Path::of)
                .orElse(Path.of("/etc/credit-kiosk/kiosk.properties")));
        Path shipped = home.resolve("config/kiosk.properties");
        KioskSettings base = new ConfigLoader().file(shipped, false).file(local, localFile.isPresent()).environment(env).load();
        Optional<SignedConfig.Accepted> bundle = storedBundle(base);
        if (bundle.isEmpty()) {
            return base;
        }
        return new ConfigLoader().file(shipped, false).bundle(bundle.get()).file(local, localFile.isPresent())
                .environment(env).load();
    }

    /** The kiosk's data folder (demo keystore, accepted bundle; never citizen data). */
    public static Path dataDir(KioskSettings settings) {
        return settings.get(ConfigKeys.DATA_DIR).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "share", "credit-kiosk"));
    }

    private static Optional<SignedConfig.Accepted> storedBundle(KioskSettings base) {
        Optional<String> keysFile = base.get(ConfigKeys.TRUSTED_KEYS_FILE);
        if (keysFile.isEmpty()) {
            return Optional.empty();
        }
        BundleStore store = new BundleStore(dataDir(base));
        try {
            Optional<org.creditkiosk.platform.api.ConfigBundle> stored = store.read();
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            SignedConfig.Verdict v = SignedConfig.verify(stored.get(), TrustedKeys.load(Path.of(keysFile.get())),
                    base.get(ConfigKeys.KIOSK_ID), 0);
            if (v instanceof SignedConfig.Accepted a) {
                log.info("signed configuration bundle v{} in force", a.config().version());
                return Optional.of(a);
            }
            SignedConfig.Rejected r = (SignedConfig.Rejected) v;
            log.error("stored configuration bundle {} rejected ({}: {}); running without it", store.file(), r.code(), r.detail());
        } catch (IOException e) {
            log.error("stored configuration bundle {} cannot be read ({}); running without it", store.file(), e.getMessage());
        }
        return Optional.empty();
    }
}
