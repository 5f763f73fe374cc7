package org.creditkiosk.device.idcard;

/**
 * The 16-byte SAM id (answer to {@code 12 FF}) in the text form vendor SDKs print and the platform receives:
 * {@code 05.01-20101019-0000012345-1234567890} = two little-endian 16-bit numbers, then three little-endian
 * unsigned 32-bit numbers.
 */
public final class SamIds {

    private SamIds() {
    }

    public static String format(byte[] id) {
        if (id.length != 16) {
            throw new IllegalArgumentException("a SAM id has 16 bytes, not " + id.length);
        }
        return String.format("%02d.%02d-%08d-%010d-%010d", le(id, 0, 2), le(id, 2, 2), le(id, 4, 4), le(id, 8, 4),
                le(id, 12, 4));
    }

    /** The 16 bytes for a text form produced by {@link #format} (the simulator's side). */
    public static byte[] parse(String text) {
        String[] p = text.split("[.-]");
        if (p.length != 5) {
            throw new IllegalArgumentException("not a SAM id: " + text);
        }
        byte[] b = new byte[16];
        put(b, 0, 2, Long.parseLong(p[0]));
        put(b, 2, 2, Long.parseLong(p[1]));
        put(b, 4, 4, Long.parseLong(p[2]));
        put(b, 8, 4, Long.parseLong(p[3]));
        put(b, 12, 4, Long.parseLong(p[4]));
        return b;
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void put(byte[] b, int off, int n, long v) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
