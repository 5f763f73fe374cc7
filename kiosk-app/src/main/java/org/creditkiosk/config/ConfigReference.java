package org.creditkiosk.config;

/**
 * Renders the key reference as a Markdown table (used for {@code config/README.md} and {@code kiosk config keys}).
 * The {@code bundle} column says whether the administrators' signed bundle may set the key ({@code yes}) or only the
 * local files and the environment may ({@code local only}); a bundle that sets a local-only key is refused whole.
 */
public final class ConfigReference {

    /** The {@code bundle} column's values. */
    public static final String BUNDLE_YES = "yes";
    public static final String BUNDLE_NO = "local only";

    private ConfigReference() {
    }

    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | bounds | bundle | meaning |\n|---|---|---|---|---|---|\n");
        for (ConfigKey<?> k : ConfigKeys.all()) {
            b.append("| `").append(k.name()).append("` | ").append(k.type()).append(" | ")
                    .append(k.defaultText().isEmpty() ? "(empty)" : "`" + k.defaultText() + "`").append(" | ")
                    .append(k.bounds()).append(" | ")
                    .append(k.bundleAllowed() ? BUNDLE_YES : BUNDLE_NO).append(" | ")
                    .append(k.doc().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }
}
