package org.creditkiosk.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final long configVersion;

    KioskSettings(Map<ConfigKey<?>, Object> values, Map<String, String> sources, List<String> unknownKeys, long configVersion) {
        this.configVersion = configVersion;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.unknownKeys = List.copyOf(unknownKeys);
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

    /** Version of the administrators' signed bundle in force (0: none). */
    public long configVersion() {
        return configVersion;
    }

    public SessionTimeouts sessionTimeouts() {
        SessionTimeouts t = SessionTimeouts.defaults();
        for (SessionState s : SessionState.values()) {
            t = t.with(s, get(ConfigKeys.SESSION_TIMEOUTS.get(s)));
        }
        return t;
    }

    /** Demo mode: no platform configured. */
    public boolean demoByDefault() {
        return get(ConfigKeys.PLATFORM_URL).isEmpty();
    }
}
