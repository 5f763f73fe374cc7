package org.creditkiosk.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy line breaking for mixed Chinese and Latin text: a line may break between any two CJK characters, Latin
 * words and numbers are kept whole where they fit, explicit newlines are kept, and closing punctuation never starts
 * a line (the basic rule of GB/T 15834 typesetting: "，。、；：）" stay with the preceding character).
 *
 * <p>Numbers stay whole with their inner separators: "250,000.00", "2026-11-27", "YLXY-20261127-0001-000187" and
 * "10:30" never break at the comma, point, hyphen, slash or colon. A span the caller marks with {@link #keep(String)}
 * (a document number such as 榆阳市监罚〔2026〕0123号, an amount with its unit) never breaks at all unless it is
 * longer than a whole line.
 */
public final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕,.;:?!)]%";
    /** Inside a number or a code these join the characters on either side. */
    private static final String JOINERS = ",.-/:_";
    /** U+2060 WORD JOINER: no break on either side; never drawn. */
    static final char KEEP = '\u2060';

    private LineBreaker() {
    }

    /** {@code text} marked so that no line break falls inside it (the mark is zero-width and never drawn). */
    public static String keep(String text) {
        if (text == null || text.length() < 2) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() * 2);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (i > 0) {
                b.append(KEEP);
            }
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** The text without the keep marks, for anything that is not wrapped here. */
    public static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(KEEP), "");
    }

    public static List<String> wrap(DocumentFonts fonts, String text, float size, boolean bold, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(fonts, paragraph, size, bold, maxWidth, lines);
        }
        return lines;
    }

    private static void wrapParagraph(DocumentFonts fonts, String text, float size, boolean bold, float maxWidth,
            List<String> lines) {
        int start = 0;
        int n = text.length();
        while (start < n) {
            float w = 0;
            int i = start;
            int lastSpace = -1;
            while (i < n) {
                int cp = text.codePointAt(i);
                float cw = cp == KEEP ? 0 : fonts.advance(cp, bold) * size;
                if (w + cw > maxWidth && i > start) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = i;
                }
                w += cw;
                i += Character.charCount(cp);
            }
            if (i < n) {
                int cp = text.codePointAt(i);
                if (NO_LINE_START.indexOf(cp) >= 0 && canBreak(text, i + Character.charCount(cp))) {
                    // Hang the punctuation in the margin rather than starting a line with it.
                    i += Character.charCount(cp);
                } else if (!canBreak(text, i)) {
                    // Inside a word, a number or a kept span: break before it (at a space or where it meets CJK
                    // text), unless it fills the line on its own.
                    int wordStart = i;
                    while (wordStart > start && !canBreak(text, wordStart)) {
                        wordStart -= Character.charCount(text.codePointBefore(wordStart));
                    }
                    if (wordStart > start) {
                        i = wordStart;
                    } else if (lastSpace > start) {
                        i = lastSpace + 1;
                    } else {
                        // Longer than a line: break where it stopped fitting, but not right after a keep mark.
                        while (i < n && text.charAt(i) == KEEP) {
                            i++;
                        }
                    }
                }
            }
            lines.add(plain(text.substring(start, i)).stripTrailing());
            start = i;
            while (start < n && (text.charAt(start) == ' ' || text.charAt(start) == KEEP)) {
                start++;
            }
        }
        if (n == 0) {
            lines.add("");
        }
    }

    /** Whether a line may end before position {@code i} of {@code text} (0 < i < length). */
    static boolean canBreak(String text, int i) {
        if (i <= 0 || i >= text.length()) {
            return true;
        }
        if (text.charAt(i) == KEEP || text.charAt(i - 1) == KEEP) {
            return false;
        }
        int cp = text.codePointAt(i);
        if (NO_LINE_START.indexOf(cp) >= 0 && !tokenChar(text, i)) {
            return false;
        }
        return !(tokenChar(text, i - Character.charCount(text.codePointBefore(i))) && tokenChar(text, i));
    }

    /** A character of a Latin word, number or code: a letter or digit, or a joiner between two of them. */
    private static boolean tokenChar(String text, int i) {
        int cp = text.codePointAt(i);
        if (isWordChar(cp)) {
            return true;
        }
        if (JOINERS.indexOf(cp) < 0 || i == 0 || i + 1 >= text.length()) {
            return false;
        }
        return isWordChar(text.codePointBefore(i)) && isWordChar(text.codePointAt(i + 1));
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }
}
