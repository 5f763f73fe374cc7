package org.creditkiosk.config;

import java.util.List;

/** The configuration was rejected; each problem names the key, the value and the reason. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
