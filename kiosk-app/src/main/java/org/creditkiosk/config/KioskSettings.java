package org.creditkiosk.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;

/**
 * The effective, validated configuration: every key of {@link ConfigKeys} with a typed value. Immutable; a new
 * configuration replaces it whole or not at all.
 */
public final class KioskSettings {

    private final Map<ConfigKey<?>, Object> values;
    private final Map<String, String> sources;
    private final List<String> unknownKeys;
    private final Map<String, String> unknownKeySources;
    private final long configVersion;
    private final Optional<String> bundleRefusal;
    private final boolean onTrial;

    KioskSettings(Map<ConfigKey<?>, Object> values, Map<String, String> sources, Map<String, String> unknownKeySources,
            long configVersion) {
        this(values, sources, unknownKeySources, configVersion, Optional.empty(), false);
    }

    private KioskSettings(Map<ConfigKey<?>, Object> values, Map<String, String> sources,
            Map<String, String> unknownKeySources, long configVersion, Optional<String> bundleRefusal, boolean onTrial) {
        this.onTrial = onTrial;
        this.configVersion = configVersion;
        this.bundleRefusal = Objects.requireNonNull(bundleRefusal);
        this.unknownKeySources = Collections.unmodifiableMap(new LinkedHashMap<>(unknownKeySources));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.unknownKeys = List.copyOf(unknownKeySources.keySet());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) Objects.requireNonNull(values.get(key), () -> "no value for " + key);
    }

    /** Where each key's value came from (default, a file path, an environment variable). */
    public String sourceOf(ConfigKey<?> key) {
        return sources.getOrDefault(key.name(), "default");
    }

    /** Keys found in the files that the kiosk does not know (reported, then ignored). */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** Where each unknown key was found (a file path, or the signed bundle): a misspelt key in a local file is fatal. */
    public Map<String, String> unknownKeySources() {
        return unknownKeySources;
    }

    /**
     * These settings with {@code overrides} on top (e.g. the demo's sources: the embedded platform's URL, the
     * generated demo keystore). Every value is validated as in a file; an unknown or invalid one is refused.
     */
    public KioskSettings with(Map<String, String> overrides, String source) throws ConfigException {
        Map<ConfigKey<?>, Object> v = new LinkedHashMap<>(values);
        Map<String, String> src = new LinkedHashMap<>(sources);
        List<String> problems = new java.util.ArrayList<>();
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        overrides.forEach((name, text) -> {
            ConfigKey<?> k = known.get(name);
            if (k == null) {
                problems.add(name + ": unknown key (" + source + ")");
                return;
            }
            try {
                v.put(k, k.parse(text));
                src.put(name, source);
            } catch (IllegalArgumentException e) {
                problems.add(name + " = '" + text + "' (" + source + "): " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new KioskSettings(v, src, unknownKeySources, configVersion, bundleRefusal, onTrial);
    }

    /** Version of the administrators' signed bundle in force (0: none). */
    public long configVersion() {
        return configVersion;
    }

    /**
     * Why the stored administrators' bundle was refused at start, when it was: a technician-level, citizen-neutral
     * reason such as {@code stored configuration bundle v7 refused: BAD_SIGNATURE: ...}. These settings are then the
     * shipped defaults, the local file and the environment without the bundle ({@link #configVersion()} 0). The kiosk
     * must not serve citizens on them; it stays reachable (heartbeat, RELOAD_CONFIG) so administrators can send a
     * valid newer bundle. Empty when the bundle was accepted or none is stored (and none was ever accepted).
     */
    public Optional<String> bundleRefusal() {
        return bundleRefusal;
    }

    /** The same settings, carrying why the stored bundle was refused. */
    KioskSettings withBundleRefusal(String reason) {
        return new KioskSettings(values, sources, unknownKeySources, configVersion, Optional.of(reason), onTrial);
    }

    /**
     * Whether the signed bundle in force ({@link #configVersion()}) is on trial ({@link ConfigTrial}): accepted, not
     * yet proven healthy, not yet recorded in the version floor. The kiosk's health gate decides.
     */
    public boolean onTrial() {
        return onTrial;
    }

    /** The same settings, marked as running a bundle on trial. */
    KioskSettings withTrial() {
        return new KioskSettings(values, sources, unknownKeySources, configVersion, bundleRefusal, true);
    }

    public SessionTimeouts sessionTimeouts() {
        SessionTimeouts t = SessionTimeouts.defaults();
        for (SessionState s : SessionState.values()) {
            t = t.with(s, get(ConfigKeys.SESSION_TIMEOUTS.get(s)));
        }
        return t;
    }

}
