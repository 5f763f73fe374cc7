package org.creditkiosk.config;

/** Renders the key reference as a Markdown table (used for {@code config/README.md} and {@code kiosk config keys}). */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | bounds | meaning |\n|---|---|---|---|---|\n");
        for (ConfigKey<?> k : ConfigKeys.all()) {
            b.append("| `").append(k.name()).append("` | ").append(k.type()).append(" | ")
                    .append(k.defaultText().isEmpty() ? "(empty)" : "`" + k.defaultText() + "`").append(" | ")
                    .append(k.bounds()).append(" | ").append(k.doc().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }
}
