package org.creditkiosk.device.idcard;

import java.util.Arrays;

/**
 * Frame layout of the SAM reader host interface (GA/T 467-2019):
 * <pre>
 *   host → reader: AA AA AA 96 69 | Len1 Len2 | CMD Para [data]      | CHK
 *   reader → host: AA AA AA 96 69 | Len1 Len2 | SW1 SW2 SW3 [data]   | CHK
 * </pre>
 * Len is big-endian and counts every byte after Len2, CHK included (a frame is 7 + Len bytes). CHK is the XOR of
 * all bytes from Len1 to the last data byte. Data may contain {@code AA}, so receivers synchronise on the whole
 * 5-byte preamble, never on a single byte.
 */
public final class SamFrames {

    /** The 5-byte preamble that starts every frame in both directions. */
    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, (byte) 0x69};
    /** Preamble + Len1 + Len2. */
    public static final int HEADER = 7;
    /** The largest body we accept: the fingerprint read (2321-byte frame) with room to spare. */
    public static final int MAX_LEN = 4096;
    /** Smallest body of an answer: SW1 SW2 SW3 CHK. */
    public static final int MIN_ANSWER_LEN = 4;
    /** Smallest body of a command: CMD Para CHK. */
    public static final int MIN_COMMAND_LEN = 3;

    private SamFrames() {
    }

    /** A host command frame. */
    public static byte[] command(SamCommand command) {
        return frame(new byte[] {(byte) command.cmd(), (byte) command.para()});
    }

    /** A reader answer frame: SW1 SW2 = 00 00, the given SW3 and data. */
    public static byte[] answer(int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** Preamble, Len, {@code body}, CHK. */
    static byte[] frame(byte[] body) {
        int len = body.length + 1;
        byte[] f = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, f, 0, PREAMBLE.length);
        f[5] = (byte) (len >>> 8);
        f[6] = (byte) len;
        System.arraycopy(body, 0, f, HEADER, body.length);
        f[f.length - 1] = checksum(f, 5, f.length - 1);
        return f;
    }

    /** XOR of {@code b[from..to)}. */
    static byte checksum(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i];
        }
        return (byte) x;
    }

    /** Payload of a decoded frame: the bytes between Len2 and CHK. */
    static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, HEADER, frame.length - 1);
    }
}
