package org.creditkiosk.device.printer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;

/**
 * Text for Chinese receipt printers: single-byte ASCII and 2-byte GB codes (the GBK subset of GB18030) only.
 *
 * <p>Why: most Chinese ESC/POS printers decode 2-byte GB codes only. Java's GB18030 encoder writes 4-byte
 * sequences ({@code [81-FE][30-39][81-FE][30-39]}) for characters outside GBK, e.g. {@code ¥ → 81 30 84 36},
 * which such printers print as two junk glyphs. We map the few characters that have a 2-byte look-alike
 * ({@code ¥ → ￥}) and replace anything else that would need 4 bytes with {@code ?}. Control characters
 * (below 0x20, and DEL) are replaced by a space: inside an ESC/POS stream they would be commands.
 */
public final class GbText {

    /** GB18030 is a superset of GBK; we keep only what encodes to 1 or 2 bytes. */
    static final Charset GB18030 = Charset.forName("GB18030");

    /** Characters with no 2-byte GB code, and the 2-byte GB character that looks the same. */
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry(0x00A5, "\uFFE5"),   // ¥ YEN SIGN -> ￥ FULLWIDTH YEN SIGN (A3A4)
            Map.entry(0x2022, "\u00B7"),   // • BULLET -> · MIDDLE DOT (A1A4)
            Map.entry(0x00A0, " "),        // NO-BREAK SPACE
            Map.entry(0x2002, " "), Map.entry(0x2003, " "), Map.entry(0x2009, " "),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"),   // hyphens
            Map.entry(0x00B4, "'"),
            Map.entry(0x00A9, "(C)"), Map.entry(0x00AE, "(R)"), Map.entry(0x2122, "TM"),
            Map.entry(0x00AB, "\u300A"), Map.entry(0x00BB, "\u300B"),                 // « » -> 《 》
            Map.entry(0x00B2, "2"), Map.entry(0x00B3, "3"), Map.entry(0x00B9, "1"),
            Map.entry(0x00BD, "1/2"), Map.entry(0x00BC, "1/4"));

    private GbText() {
    }

    /** The 2-byte-safe form of {@code text}: what the printer will actually show. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        CharsetEncoder enc = encoder();
        text.codePoints().forEach(cp -> appendPrintable(out, cp, enc));
        return out.toString();
    }

    /** Encodes {@code text} as ASCII + 2-byte GB codes; never emits a 4-byte GB18030 sequence. */
    public static byte[] encode(String text) {
        String safe = printable(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(safe.length() * 2);
        CharsetEncoder enc = encoder();
        safe.codePoints().forEach(cp -> {
            byte[] b = encodeOne(enc, cp);
            out.write(b, 0, b.length);
        });
        return out.toByteArray();
    }

    /**
     * Decodes bytes as a 2-byte GB printer does: ASCII, or a lead byte 81-FE with a trail byte 40-FE.
     * A 4-byte GB18030 sequence shows as junk ({@code U+FFFD} per 2-byte pair), which is what people see on paper.
     */
    public static String decode(byte[] bytes, int off, int len) {
        StringBuilder out = new StringBuilder(len);
        CharsetDecoder dec = GB18030.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int i = off;
        int end = off + len;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                i++;
            } else if (b >= 0x81 && b <= 0xFE && i + 1 < end) {
                int t = bytes[i + 1] & 0xFF;
                if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
                    try {
                        out.append(dec.decode(ByteBuffer.wrap(bytes, i, 2)));
                    } catch (CharacterCodingException e) {
                        out.append('\uFFFD');
                    }
                } else {
                    out.append('\uFFFD');   // e.g. the 30-39 second byte of a 4-byte sequence
                }
                i += 2;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
        return out.toString();
    }

    /** Number of 4-byte GB18030 sequences ({@code [81-FE][30-39][81-FE][30-39]}) in the text bytes. */
    public static int countFourByteSequences(byte[] bytes, int off, int len) {
        int count = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            if (i + 3 < end && b >= 0x81 && b <= 0xFE) {
                int b1 = bytes[i + 1] & 0xFF;
                int b2 = bytes[i + 2] & 0xFF;
                int b3 = bytes[i + 3] & 0xFF;
                if (b1 >= 0x30 && b1 <= 0x39 && b2 >= 0x81 && b2 <= 0xFE && b3 >= 0x30 && b3 <= 0x39) {
                    count++;
                    i += 4;
                    continue;
                }
            }
            i += 2;
        }
        return count;
    }

    private static void appendPrintable(StringBuilder out, int cp, CharsetEncoder enc) {
        if (cp < 0x20 || cp == 0x7F) {
            out.append(' ');
            return;
        }
        if (cp < 0x7F) {
            out.append((char) cp);
            return;
        }
        String alike = LOOK_ALIKES.get(cp);
        if (alike != null) {
            out.append(alike);
            return;
        }
        out.append(encodeOne(enc, cp).length == 2 ? new String(Character.toChars(cp)) : "?");
    }

    /** GB18030 bytes of one code point; length 4 (or 1 for a non-ASCII char) means "not printable". */
    private static byte[] encodeOne(CharsetEncoder enc, int cp) {
        try {
            ByteBuffer bb = enc.reset().encode(CharBuffer.wrap(Character.toChars(cp)));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            return new byte[] {'?'};
        }
    }

    private static CharsetEncoder encoder() {
        return GB18030.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
