package org.creditkiosk.device.scanner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.function.Consumer;

/**
 * Cuts the scanner's byte stream into frames and turns each frame into one {@link ScanEvent}. Pure logic, no
 * threads, time passed in: the driver feeds it what it reads and calls {@link #idle(long, Consumer)} when a
 * read returns nothing.
 *
 * <p>A frame ends on the last byte of the configured terminator; CR and LF at the edges of a frame are dropped,
 * so a scanner sending CRLF to a driver set to CR (or LF to one set to CRLF) still reads clean codes. Memory is
 * bounded: the buffer holds at most {@code maxLength + 1} bytes whatever the stream; past that the frame is
 * reported {@link ScanOutcome#TOO_LONG} once and the rest is counted and dropped up to the next terminator or
 * the next silence.
 */
final class ScanFramer {

    private static final byte CR = 0x0D;
    private static final byte LF = 0x0A;
    private static final byte TAB = 0x09;
    private static final byte DEL = 0x7F;

    private final QrScannerSettings settings;
    private final byte end;
    private final byte[] line;
    private final long gapNanos;
    // Written by the driver's reader thread only; volatile so that health and statistics can be read elsewhere.
    private volatile int size;
    private boolean discarding;
    private long lastByteNanos;
    private volatile int peak;
    private volatile long discardedBytes;

    ScanFramer(QrScannerSettings settings) {
        this.settings = settings;
        this.end = settings.terminator().lastByte();
        // One spare byte: the CR of a CRLF terminator sits in the buffer until its LF arrives.
        this.line = new byte[settings.maxLength() + 1];
        this.gapNanos = settings.interByteTimeout().toNanos();
    }

    /** Feeds bytes read at {@code nowNanos}; events go to {@code sink} in stream order. */
    void feed(byte[] buf, int off, int len, long nowNanos, Consumer<ScanEvent> sink) {
        if (len <= 0) {
            return;
        }
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == end) {
                endOfFrame(sink);
            } else if (discarding) {
                discardedBytes++;
            } else if (size == line.length) {
                discardedBytes += size + 1L;
                size = 0;
                discarding = true;
                sink.accept(new ScanEvent.Rejected(ScanOutcome.TOO_LONG));
            } else {
                line[size++] = b;
                peak = Math.max(peak, size);
            }
        }
        lastByteNanos = nowNanos;
    }

    /**
     * Gives up a frame that has been silent for longer than the inter-byte timeout. Called only when a read
     * returned nothing, so a reader thread that was merely slow (bytes waiting in the port) never splits a frame.
     */
    void idle(long nowNanos, Consumer<ScanEvent> sink) {
        if ((size == 0 && !discarding) || nowNanos - lastByteNanos < gapNanos) {
            return;
        }
        boolean wasDiscarding = discarding;
        int[] bounds = trimmedBounds();
        discardedBytes += size;
        size = 0;
        discarding = false;
        if (!wasDiscarding && bounds[1] > bounds[0]) {
            sink.accept(new ScanEvent.Rejected(ScanOutcome.UNTERMINATED));
        }
    }

    /** Forgets a partial frame (the link was lost). */
    void reset() {
        discardedBytes += size;
        size = 0;
        discarding = false;
    }

    int bufferedBytes() {
        return size;
    }

    int peakBufferedBytes() {
        return peak;
    }

    int capacity() {
        return line.length;
    }

    long discardedBytes() {
        return discardedBytes;
    }

    private void endOfFrame(Consumer<ScanEvent> sink) {
        if (discarding) {
            discarding = false;
            size = 0;
            return;
        }
        int[] bounds = trimmedBounds();
        int from = bounds[0];
        int to = bounds[1];
        size = 0;
        if (to <= from) {
            return; // an empty line, e.g. the LF of a CRLF scanner read in CR mode
        }
        if (to - from > settings.maxLength()) {
            discardedBytes += to - from;
            sink.accept(new ScanEvent.Rejected(ScanOutcome.TOO_LONG));
            return;
        }
        for (int i = from; i < to; i++) {
            byte b = line[i];
            // Bytes below 0x20 never occur inside a UTF-8 or GB18030 multi-byte sequence: a control byte
            // other than TAB means binary data or noise, not text.
            if ((b >= 0 && b < 0x20 && b != TAB) || b == DEL) {
                discardedBytes += to - from;
                sink.accept(new ScanEvent.Rejected(ScanOutcome.BINARY));
                return;
            }
        }
        String text;
        try {
            CharsetDecoder decoder = settings.charset().charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(line, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            discardedBytes += to - from;
            sink.accept(new ScanEvent.Rejected(ScanOutcome.UNDECODABLE));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some scanners put before UTF-8 output
        }
        if (!settings.prefix().isEmpty() && text.startsWith(settings.prefix())) {
            text = text.substring(settings.prefix().length());
        }
        if (!settings.suffix().isEmpty() && text.endsWith(settings.suffix())) {
            text = text.substring(0, text.length() - settings.suffix().length());
        }
        if (!text.isEmpty()) {
            sink.accept(new ScanEvent.Scanned(text));
        }
    }

    private int[] trimmedBounds() {
        int from = 0;
        int to = size;
        while (from < to && (line[from] == CR || line[from] == LF)) {
            from++;
        }
        while (to > from && (line[to - 1] == CR || line[to - 1] == LF)) {
            to--;
        }
        return new int[] {from, to};
    }
}
