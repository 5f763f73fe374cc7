package org.creditkiosk.platform;

/**
 * Text that came from outside the kiosk (the platform's {@code Error.message}, a command's reason, a server's status
 * line in an exception) made safe for one log line or the maintenance screen: it cannot start a forged log line
 * (CR, LF, NEL, U+2028/2029), move the terminal's cursor or colour (ESC and every other C0/C1 control), reorder what
 * a technician reads (the Unicode bidi controls), nor flood the log (cut to {@value #MAX_LOG_CHARS} characters).
 *
 * <p>Each removed character becomes one {@code ?}, so the technician still sees that something was there; a cut
 * text ends in {@code …}. Lone surrogates become {@code ?} too, and a cut never splits a surrogate pair.
 */
public final class UntrustedText {

    /** The most characters of untrusted text a log line carries (issue 10, item 8). */
    public static final int MAX_LOG_CHARS = 200;

    private static final char REPLACEMENT = '?';
    private static final char ELLIPSIS = '…';

    private UntrustedText() {
    }

    /** {@code text} without control or bidi characters, at most {@value #MAX_LOG_CHARS} characters; "" for null. */
    public static String forLog(String text) {
        return forLog(text, MAX_LOG_CHARS);
    }

    /** As {@link #forLog(String)} with another bound ({@code max} ≥ 1), e.g. a contract field's maxLength. */
    public static String forLog(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max + " < 1");
        }
        if (text == null) {
            return "";
        }
        boolean cut = text.length() > max;
        int keep = cut ? max - 1 : text.length();
        if (cut && keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never split a pair: the high half alone would be a lone surrogate
        }
        StringBuilder out = new StringBuilder(keep + 1);
        for (int i = 0; i < keep; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < keep && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || isUnsafe(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        if (cut) {
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    /**
     * C0 controls (incl. TAB, CR, LF, ESC), DEL, C1 controls (incl. NEL U+0085, CSI U+009B), the line and paragraph
     * separators, and the bidi formatting characters of Unicode UAX #9 (LRM, RLM, ALM, embeddings, overrides,
     * isolates).
     */
    static boolean isUnsafe(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        return switch (c) {
            case '\u2028', '\u2029',                                    // line / paragraph separator
                 '\u200E', '\u200F', '\u061C',                          // LRM, RLM, ALM
                 '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',      // LRE, RLE, PDF, LRO, RLO
                 '\u2066', '\u2067', '\u2068', '\u2069' -> true;        // LRI, RLI, FSI, PDI
            default -> false;
        };
    }
}
