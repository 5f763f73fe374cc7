package org.creditkiosk.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy line breaking for mixed Chinese and Latin text: a line may break between any two CJK characters, Latin
 * words and numbers are kept whole where they fit, explicit newlines are kept, and closing punctuation never starts
 * a line (the basic rule of GB/T 15834 typesetting: "，。、；：）" stay with the preceding character).
 */
public final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕,.;:?!)]%";

    private LineBreaker() {
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
                float cw = fonts.advance(cp, bold) * size;
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
                int prev = text.codePointBefore(i);
                if (NO_LINE_START.indexOf(cp) >= 0) {
                    // Hang the punctuation in the margin rather than starting a line with it.
                    i += Character.charCount(cp);
                } else if (isWordChar(cp) && isWordChar(prev)) {
                    // Inside a Latin word or number: break before it (at a space or where it meets CJK text),
                    // unless it fills the line on its own.
                    int wordStart = i;
                    while (wordStart > start && isWordChar(text.codePointBefore(wordStart))) {
                        wordStart -= Character.charCount(text.codePointBefore(wordStart));
                    }
                    if (wordStart > start) {
                        i = wordStart;
                    } else if (lastSpace > start) {
                        i = lastSpace + 1;
                    }
                }
            }
            lines.add(text.substring(start, i).stripTrailing());
            start = i;
            while (start < n && text.charAt(start) == ' ') {
                start++;
            }
        }
        if (n == 0) {
            lines.add("");
        }
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }
}
