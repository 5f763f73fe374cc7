package org.creditkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.SerialSettings;

/**
 * The scanner end of a link: sends codes the way a serial scanner does (optional prefix and suffix, the text in
 * the configured charset, the terminator) and, on request, the faults seen in the field: line noise, a payload
 * over the limit, a frame without terminator, binary data, an unplug. It also reads what the driver sends
 * (open and trigger commands). After a replug, {@link #attach(Link)} gives it the new link.
 *
 * <p>With {@link #pacedAt(SerialSettings)} writes take the time they take on the wire at that baud rate.
 */
public final class QrScannerSimulator implements AutoCloseable {

    private static final int CHUNK = 256;

    private final QrScannerSettings settings;
    private final Random random = new Random(20261127L);
    private Optional<SerialSettings> pace = Optional.empty();
    private Link link;

    /** A simulator that frames codes the way {@code settings} expects (terminator, charset, prefix, suffix). */
    public QrScannerSimulator(Link link, QrScannerSettings settings) {
        this.link = Objects.requireNonNull(link, "link");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Writes at the wire speed of {@code serial} (byte time per chunk) instead of as fast as possible. */
    public synchronized QrScannerSimulator pacedAt(SerialSettings serial) {
        this.pace = Optional.of(serial);
        return this;
    }

    /** Continues on a new link, e.g. after the cable was plugged back in. */
    public synchronized void attach(Link newLink) {
        this.link = Objects.requireNonNull(newLink, "newLink");
    }

    /** Sends one code: prefix, text, suffix, terminator. */
    public synchronized void scan(String text) throws IOException {
        send(frame(text.getBytes(settings.charset().charset()), true));
    }

    /** Sends a code's bytes without the terminator (a scanner programmed without suffix, or a cut line). */
    public synchronized void scanWithoutTerminator(String text) throws IOException {
        send(frame(text.getBytes(settings.charset().charset()), false));
    }

    /** Sends a terminated frame of printable ASCII {@code extra} bytes longer than the driver's limit. */
    public synchronized void scanOverLimit(int extra) throws IOException {
        byte[] payload = new byte[settings.maxLength() + Math.max(1, extra)];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('A' + i % 26);
        }
        send(frame(payload, true));
    }

    /** Sends a terminated frame of binary data (control bytes, 0xFF), as from a code holding raw bytes. */
    public synchronized void binary() throws IOException {
        send(frame(new byte[] {0x00, 0x1B, 'X', 'Y', (byte) 0xFF, 0x02, 0x7F, 'Z'}, true));
    }

    /** Sends {@code count} random bytes, never a CR or LF: electrical noise, e.g. while the cable is plugged. */
    public synchronized void noise(int count) throws IOException {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            byte b;
            do {
                b = (byte) random.nextInt(256);
            } while (b == 0x0D || b == 0x0A);
            bytes[i] = b;
        }
        send(bytes);
    }

    /**
     * Sends {@code total} printable bytes and never a terminator: a stuck or misconfigured scanner streaming
     * without end (e.g. continuous mode with the suffix switched off).
     */
    public synchronized void streamWithoutTerminator(long total) throws IOException {
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('0' + i % 10);
        }
        long left = total;
        while (left > 0) {
            int n = (int) Math.min(left, chunk.length);
            send(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
            left -= n;
        }
    }

    /** Pulls the cable on the simulator's side: closes its link end. */
    public synchronized void unplug() {
        link.close();
    }

    /**
     * Reads exactly {@code n} bytes the driver sent (commands), or fewer when {@code timeout} passes first.
     */
    public byte[] awaitReceived(int n, Duration timeout) throws IOException {
        Link current;
        synchronized (this) {
            current = link;
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[n];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int r = current.read(buf, 0, n - got.size(), Duration.ofNanos(Math.min(left, 100_000_000L)));
            got.write(buf, 0, r);
        }
        return got.toByteArray();
    }

    @Override
    public synchronized void close() {
        link.close();
    }

    private byte[] frame(byte[] payload, boolean terminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 16);
        out.writeBytes(settings.prefix().getBytes(settings.charset().charset()));
        out.writeBytes(payload);
        out.writeBytes(settings.suffix().getBytes(settings.charset().charset()));
        if (terminated) {
            out.writeBytes(settings.terminator().bytes());
        }
        return out.toByteArray();
    }

    private void send(byte[] bytes) throws IOException {
        if (pace.isEmpty()) {
            link.write(bytes);
            return;
        }
        // Write in slices of about 10 ms of line time, so that the gaps between slices stay far below any
        // sensible inter-byte timeout even at 1200 baud.
        long nanosPerByte = pace.get().nanosPerByte();
        int slice = (int) Math.max(1, Math.min(CHUNK, 10_000_000L / nanosPerByte));
        for (int off = 0; off < bytes.length; off += slice) {
            byte[] part = Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + slice));
            long due = System.nanoTime() + nanosPerByte * part.length;
            link.write(part);
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                try {
                    Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while sending");
                }
            }
        }
    }
}
