package org.creditkiosk.device.idcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * Incremental, length-driven receiver for {@link SamFrames}: bytes go in as they arrive from the line, whole
 * frames (or typed defects) come out. It synchronises on the full 5-byte preamble, reads Len, waits for exactly
 * Len more bytes and checks the XOR. Bytes before a preamble are counted as skipped garbage; an impossible Len
 * or a bad checksum drops only the first preamble byte so that a real frame hidden in the rejected bytes is still
 * found. Memory is bounded: the buffer never holds more than one maximal frame plus one read chunk.
 *
 * <p>The bytes are a citizen's card (name, number, address, photo): every byte the decoder is done with, handed out
 * in a {@link Frame}, skipped as garbage or dropped by {@link #clear()}, is overwritten with zeros at once, and so is
 * a buffer outgrown. Outside the bytes not yet decoded ({@link #buffered()}) the buffer holds only zeros.
 *
 * <p>Not thread-safe: owned by one reader thread.
 */
public final class FrameDecoder {

    /** What {@link #next()} yields. */
    public sealed interface Result {
    }

    /**
     * A frame with a correct checksum; {@code body} is the bytes between Len2 and CHK, a copy the caller owns (and
     * should zero when done with it).
     */
    public record Frame(byte[] body) implements Result {
    }

    /** A frame whose checksum did not match. */
    public record BadChecksum(int len) implements Result {
    }

    /** A preamble followed by a Len outside the bounds of the protocol. */
    public record BadLength(int len) implements Result {
    }

    private final int minLen;
    private byte[] buf = new byte[512];
    private int start;
    private int end;
    private long skipped;

    /** @param minLen the smallest Len allowed ({@link SamFrames#MIN_ANSWER_LEN} or {@link SamFrames#MIN_COMMAND_LEN}) */
    public FrameDecoder(int minLen) {
        this.minLen = minLen;
    }

    public static FrameDecoder forAnswers() {
        return new FrameDecoder(SamFrames.MIN_ANSWER_LEN);
    }

    public static FrameDecoder forCommands() {
        return new FrameDecoder(SamFrames.MIN_COMMAND_LEN);
    }

    /** Appends received bytes. */
    public void feed(byte[] data, int off, int len) {
        compact();
        if (end + len > buf.length) {
            int need = end + len;
            // Never keep more than one maximal frame plus what just arrived: older bytes cannot start a frame
            // that fits, because a frame that started there would already have been complete.
            int cap = SamFrames.HEADER + SamFrames.MAX_LEN + len;
            if (need > cap) {
                int drop = need - cap;
                skipped += drop;
                consume(drop);
                compact();
                need = end + len;
            }
            byte[] old = buf;
            buf = Arrays.copyOf(old, Math.max(need, Math.min(old.length * 2, cap)));
            Arrays.fill(old, (byte) 0);
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    /** The next complete frame or defect, or empty when more bytes are needed. */
    public Optional<Result> next() {
        while (true) {
            int p = indexOfPreamble();
            if (p < 0) {
                // keep a possible preamble prefix at the tail
                int keep = Math.min(end - start, SamFrames.PREAMBLE.length - 1);
                while (keep > 0 && !isPreamblePrefix(end - keep, keep)) {
                    keep--;
                }
                skipped += (end - keep) - start;
                consume((end - keep) - start);
                return Optional.empty();
            }
            skipped += p - start;
            consume(p - start);
            if (end - start < SamFrames.HEADER) {
                return Optional.empty();
            }
            int len = ((buf[start + 5] & 0xFF) << 8) | (buf[start + 6] & 0xFF);
            if (len < minLen || len > SamFrames.MAX_LEN) {
                consume(1);
                skipped += 1;
                return Optional.of(new BadLength(len));
            }
            int total = SamFrames.HEADER + len;
            if (end - start < total) {
                return Optional.empty();
            }
            byte chk = SamFrames.checksum(buf, start + 5, start + total - 1);
            if (chk != buf[start + total - 1]) {
                consume(1);
                skipped += 1;
                return Optional.of(new BadChecksum(len));
            }
            byte[] body = Arrays.copyOfRange(buf, start + SamFrames.HEADER, start + total - 1);
            consume(total);
            return Optional.of(new Frame(body));
        }
    }

    /** Drops everything buffered (before a new command, after an answer), overwriting it with zeros. */
    public void clear() {
        skipped += end - start;
        Arrays.fill(buf, 0, end, (byte) 0);
        start = 0;
        end = 0;
    }

    /** Bytes buffered and not yet part of a result. */
    public int buffered() {
        return end - start;
    }

    /** Capacity of the internal buffer, for the bounded-memory test. */
    int capacity() {
        return buf.length;
    }

    /** A copy of the whole internal buffer, for the wipe tests. */
    byte[] bufferCopy() {
        return buf.clone();
    }

    /** Garbage bytes skipped so far while synchronising. */
    public long skippedBytes() {
        return skipped;
    }

    private int indexOfPreamble() {
        byte[] pre = SamFrames.PREAMBLE;
        outer:
        for (int i = start; i <= end - pre.length; i++) {
            for (int j = 0; j < pre.length; j++) {
                if (buf[i + j] != pre[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean isPreamblePrefix(int from, int n) {
        for (int j = 0; j < n; j++) {
            if (buf[from + j] != SamFrames.PREAMBLE[j]) {
                return false;
            }
        }
        return true;
    }

    /** Moves the start past {@code n} bytes the decoder is done with, zeroing them. */
    private void consume(int n) {
        Arrays.fill(buf, start, start + n, (byte) 0);
        start += n;
    }

    private void compact() {
        if (start > 0) {
            int live = end - start;
            System.arraycopy(buf, start, buf, 0, live);
            // the tail the live bytes moved out of still holds copies of them
            Arrays.fill(buf, live, end, (byte) 0);
            end = live;
            start = 0;
        }
    }
}
