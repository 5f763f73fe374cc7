package org.creditkiosk.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One documented configuration key: its name, type, default, bounds, meaning and who may set it. Parsing a value
 * either gives the typed value or a reason a technician can act on.
 *
 * <p>Who may set it is an allow-list (DESIGN.md §5): a key is {@link Scope#LOCAL} (the shipped defaults, the
 * technician's local file, the environment) unless it is marked {@link #allowInBundle()}, which the administrators'
 * signed bundle may then set too. Whatever decides trust or is physical stays local.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {

    /** Where a key may be set. */
    public enum Scope {
        /** The administrators' signed bundle as well as the local files: hall texts, content, timeouts, ... */
        BUNDLE,
        /** Only the local files and the environment: what decides trust or is physical. */
        LOCAL
    }

    private final String name;
    private final String type;
    private final String defaultText;
    private final String bounds;
    private final String doc;
    private final Function<String, T> parser;
    private final Scope scope;

    private ConfigKey(String name, String type, String defaultText, String bounds, String doc, Function<String, T> parser) {
        this(name, type, defaultText, bounds, doc, parser, Scope.LOCAL);
    }

    private ConfigKey(String name, String type, String defaultText, String bounds, String doc, Function<String, T> parser,
            Scope scope) {
        this.scope = Objects.requireNonNull(scope);
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.defaultText = defaultText;
        this.bounds = bounds;
        this.doc = doc;
        this.parser = parser;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String defaultText() {
        return defaultText;
    }

    public String bounds() {
        return bounds;
    }

    public String doc() {
        return doc;
    }

    /** Who may set the key; {@link Scope#LOCAL} unless {@link #allowInBundle()} was asked for. */
    public Scope scope() {
        return scope;
    }

    /** Whether the administrators' signed bundle may set this key (a bundle setting any other key is refused). */
    public boolean bundleAllowed() {
        return scope == Scope.BUNDLE;
    }

    /**
     * Whether the value is structured (type {@code JSON}: an array or object in a bundle's settings, contract 1.1;
     * its JSON text in a properties file).
     */
    public boolean structured() {
        return "JSON".equals(type);
    }

    /**
     * A structured key (contract 1.1 allows arrays and objects in a bundle's settings): {@code parser} gets the JSON
     * text and gives the typed value or throws {@link IllegalArgumentException} with the reason.
     */
    public static <T> ConfigKey<T> json(String name, String def, String bounds, String doc, Function<String, T> parser) {
        return new ConfigKey<>(name, "JSON", def, bounds, doc, parser);
    }

    /** A single value of its own syntax: {@code parser} gives the typed value or throws with the reason. */
    public static <T> ConfigKey<T> parsed(String name, String type, String def, String bounds, String doc, Function<String, T> parser) {
        return new ConfigKey<>(name, type, def, bounds, doc, parser);
    }

    /** The same key, which the administrators' signed bundle may set too. */
    public ConfigKey<T> allowInBundle() {
        return new ConfigKey<>(name, type, defaultText, bounds, doc, parser, Scope.BUNDLE);
    }

    /** Parses a raw value; throws {@link IllegalArgumentException} with the reason. */
    public T parse(String raw) {
        return parser.apply(raw.strip());
    }

    public static ConfigKey<String> text(String name, String def, int maxLength, String doc) {
        return new ConfigKey<>(name, "text", def, "at most " + maxLength + " characters", doc, v -> {
            if (v.length() > maxLength) {
                throw new IllegalArgumentException("longer than " + maxLength + " characters");
            }
            return v;
        });
    }

    /** A text that must match a pattern (or be empty when {@code emptyAllowed}). */
    public static ConfigKey<String> pattern(String name, String def, String regex, boolean emptyAllowed, String doc) {
        return new ConfigKey<>(name, "text", def, "matches " + regex + (emptyAllowed ? ", or empty" : ""), doc, v -> {
            if (v.isEmpty() && emptyAllowed) {
                return v;
            }
            if (!v.matches(regex)) {
                throw new IllegalArgumentException("does not match " + regex);
            }
            return v;
        });
    }

    public static ConfigKey<Optional<String>> optionalText(String name, String doc) {
        return new ConfigKey<>(name, "text", "", "empty = not set", doc, v -> v.isEmpty() ? Optional.empty() : Optional.of(v));
    }

    public static ConfigKey<Integer> integer(String name, int def, int min, int max, String doc) {
        return new ConfigKey<>(name, "integer", Integer.toString(def), min + " to " + max, doc, v -> {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("outside " + min + " to " + max);
            }
            return n;
        });
    }

    public static ConfigKey<Duration> millis(String name, long def, long min, long max, String doc) {
        return new ConfigKey<>(name, "milliseconds", Long.toString(def), min + " to " + max, doc, v -> {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number of milliseconds");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("outside " + min + " to " + max);
            }
            return Duration.ofMillis(n);
        });
    }

    public static ConfigKey<Duration> seconds(String name, long def, long min, long max, String doc) {
        return new ConfigKey<>(name, "seconds", Long.toString(def), min + " to " + max, doc, v -> {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number of seconds");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("outside " + min + " to " + max);
            }
            return Duration.ofSeconds(n);
        });
    }

    public static ConfigKey<Boolean> bool(String name, boolean def, String doc) {
        return new ConfigKey<>(name, "boolean", Boolean.toString(def), "true or false", doc, v -> {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("not true or false");
        });
    }

    public static ConfigKey<String> choice(String name, String def, List<String> choices, String doc) {
        return new ConfigKey<>(name, "one of", def, String.join(", ", choices), doc, v -> {
            if (!choices.contains(v)) {
                throw new IllegalArgumentException("not one of " + String.join(", ", choices));
            }
            return v;
        });
    }

    /**
     * A value as a technician writes it in the file: milliseconds and seconds as numbers ({@code 3000}, not
     * {@code PT3S}), an absent optional as {@code not set}, an empty text as {@code (empty)}.
     */
    public String written(Object value) {
        if (value instanceof Optional<?> o) {
            return o.isEmpty() ? "not set" : written(o.get());
        }
        if (value instanceof Duration d) {
            return "seconds".equals(type) ? Long.toString(d.toSeconds()) : Long.toString(d.toMillis());
        }
        if (value == null) {
            return "not set";
        }
        String text = value.toString();
        return text.isEmpty() ? "(empty)" : text;
    }

    @Override
    public String toString() {
        return name;
    }
}
