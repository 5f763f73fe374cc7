package org.creditkiosk.cli;

/**
 * Pads text to a column on a terminal, counting a Chinese (East Asian wide or full-width) character as the two
 * cells a terminal draws it in, so a table with Chinese values stays aligned.
 */
public final class Columns {

    private Columns() {
    }

    /** Terminal cells the text takes: 2 for wide and full-width characters, 0 for combining marks, else 1. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += cells(cp);
        }
        return w;
    }

    static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if ((cp >= 0x1100 && cp <= 0x115F)          // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)   // CJK radicals, punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)   // kana, CJK symbols
                || (cp >= 0x3400 && cp <= 0x4DBF)   // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)   // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)   // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)   // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)   // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)   // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)   // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)   // full-width signs (￥)
                || (cp >= 0x20000 && cp <= 0x3FFFD)) { // CJK extensions B..
            return 2;
        }
        return 1;
    }

    /** The text followed by spaces up to {@code cells} terminal cells (at least one space after a long text). */
    public static String pad(String s, int cells) {
        int w = width(s);
        return s + " ".repeat(Math.max(1, cells - w));
    }
}
