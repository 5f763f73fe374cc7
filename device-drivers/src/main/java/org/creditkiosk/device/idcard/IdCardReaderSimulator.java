package org.creditkiosk.device.idcard;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkOpener;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.link.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SAM ID card reader on the device end of a {@link Link}: it answers the host commands of GA/T 467 with the
 * same frames a desk reader sends, at the byte timing of its baud rate (an answer byte is never visible before it
 * would have crossed the wire, and an answer starts only after the whole command crossed it), from cards given
 * with {@link #placeCard}. Used in demo mode (on a {@link org.creditkiosk.device.link.PipeLink} end) and in
 * tests (on the device end of a socat pair).
 *
 * <p>Card behaviour follows real readers: find answers {@code 9F} for a card not yet read, select needs a find
 * first, and after a read the card is halted: find answers {@code 80} until it is lifted, select still {@code 90}.
 * Faults are switched on with {@link #setFault}; {@link #unplug()} closes the link like a pulled cable, and
 * {@link #attach} serves a new link after a replug.
 */
public final class IdCardReaderSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdCardReaderSimulator.class);

    /** Default SAM id of the simulator (a made-up one). */
    public static final String DEFAULT_SAM_ID = "05.01-20101019-0000012345-1234567890";

    public enum Fault {
        /** Find answers {@code 80} even with a card on the reader (card badly placed). */
        NO_CARD,
        /** Random bytes (with preamble fragments, never a whole preamble) before every answer. */
        GARBAGE_BEFORE_FRAMES,
        /** Answers written in chunks of 1–7 bytes with small gaps. */
        SPLIT_ANSWERS,
        /** The next card-read answer has a wrong checksum; cleared after use. */
        WRONG_CHECKSUM_ONCE,
        /** No answer at all while set. */
        SILENCE,
        /** The next card read answers {@code 41} and the card is lifted; cleared after use. */
        LIFT_MID_READ
    }

    /** Timing of the last placement, for the benchmark: when the find that found it arrived, bytes since then. */
    public record PlacementTrace(long foundAtNanos, long bytesExchanged) {
    }

    private final SerialSettings line;
    private final byte[] samId;
    private final Set<Fault> faults = ConcurrentHashMap.newKeySet();
    private final Random random = new Random();

    private final Object cardLock = new Object();
    private Optional<IdentityCard> card = Optional.empty();
    private boolean found;
    private boolean halted;

    private final Object serverLock = new Object();
    private Link link;
    private Thread server;

    private volatile long foundAtNanos;
    private volatile long bytesSinceFound;

    public IdCardReaderSimulator(SerialSettings line, String samId) {
        this.line = Objects.requireNonNull(line, "line");
        this.samId = SamIds.parse(samId);
    }

    public IdCardReaderSimulator(SerialSettings line) {
        this(line, DEFAULT_SAM_ID);
    }

    /** Serves {@code newLink} from now on (a previous link is closed first). */
    public void attach(Link newLink) {
        synchronized (serverLock) {
            stopServer();
            link = newLink;
            Thread t = new Thread(() -> serve(newLink), "idcard-simulator");
            t.setDaemon(true);
            server = t;
            t.start();
        }
    }

    /**
     * Demo-mode wiring: a {@link LinkOpener} for the driver that makes a fresh in-memory link pair at every open,
     * serves its device end with this simulator and hands the host end to the driver. After {@link #unplug()} the
     * driver's reopen plugs the simulator back in, like a reader whose USB cable was pulled and pushed back.
     */
    public LinkOpener pipeOpener(String name) {
        return () -> {
            PipeLink[] pair = PipeLink.pair(name);
            attach(pair[1]);
            return pair[0];
        };
    }

    /** Pulls the cable: the link is closed and the simulator stops answering until {@link #attach}. */
    public void unplug() {
        synchronized (serverLock) {
            stopServer();
        }
    }

    @Override
    public void close() {
        unplug();
    }

    public void placeCard(IdentityCard c) {
        Objects.requireNonNull(c, "card");
        CardText.encode(c); // fails now, in the caller, if a field does not fit its layout
        synchronized (cardLock) {
            card = Optional.of(c);
            found = false;
            halted = false;
        }
    }

    public void removeCard() {
        synchronized (cardLock) {
            card = Optional.empty();
            found = false;
            halted = false;
        }
    }

    public void setFault(Fault fault) {
        faults.add(fault);
    }

    public void clearFault(Fault fault) {
        faults.remove(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    public Set<Fault> faults() {
        return Collections.unmodifiableSet(EnumSet.copyOf(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : faults));
    }

    public PlacementTrace lastPlacement() {
        return new PlacementTrace(foundAtNanos, bytesSinceFound);
    }

    /** True while a link is being served. */
    public boolean isAttached() {
        synchronized (serverLock) {
            return server != null && server.isAlive();
        }
    }

    private void stopServer() {
        Thread t = server;
        Link l = link;
        server = null;
        link = null;
        if (l != null) {
            l.close();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(Link l) {
        FrameDecoder decoder = FrameDecoder.forCommands();
        byte[] buf = new byte[1024];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int n = l.read(buf, 0, buf.length, Duration.ofMillis(100));
                if (n <= 0) {
                    continue;
                }
                long arrived = System.nanoTime();
                decoder.feed(buf, 0, n);
                Optional<FrameDecoder.Result> r;
                while ((r = decoder.next()).isPresent()) {
                    if (faults.contains(Fault.SILENCE)) {
                        continue;
                    }
                    if (r.get() instanceof FrameDecoder.Frame f) {
                        handle(l, f.body(), arrived);
                    } else if (r.get() instanceof FrameDecoder.BadChecksum) {
                        send(l, SamFrames.answer(SamStatus.HOST_CHECKSUM_ERROR.code(), new byte[0]), arrived, 10, false);
                    } else {
                        send(l, SamFrames.answer(SamStatus.HOST_LENGTH_ERROR.code(), new byte[0]), arrived, 10, false);
                    }
                }
            }
        } catch (InterruptedIOException e) {
            // stopped
        } catch (IOException e) {
            log.debug("simulator link {} ends: {}", l.name(), e.getMessage());
        }
    }

    private void handle(Link l, byte[] body, long arrived) throws IOException {
        int commandBytes = SamFrames.HEADER + body.length + 1;
        Optional<SamCommand> command = SamCommand.of(body[0], body.length > 1 ? body[1] : -1);
        if (command.isEmpty() || body.length != 2) {
            send(l, SamFrames.answer(body.length < 2 ? SamStatus.HOST_LENGTH_ERROR.code() : SamStatus.BAD_COMMAND.code(),
                    new byte[0]), arrived, commandBytes, false);
            return;
        }
        int sw3;
        byte[] data = new byte[0];
        boolean cardRead = false;
        synchronized (cardLock) {
            switch (command.get()) {
                case RESET_SAM, SAM_STATUS, SET_BAUD_115200, SET_BAUD_57600, SET_BAUD_38400, SET_BAUD_19200,
                        SET_BAUD_9600 -> sw3 = SamStatus.OK.code();
                case READ_SAM_ID -> {
                    sw3 = SamStatus.OK.code();
                    data = samId.clone();
                }
                case FIND_CARD -> {
                    if (card.isPresent() && !halted && !faults.contains(Fault.NO_CARD)) {
                        sw3 = SamStatus.CARD_FOUND.code();
                        data = new byte[4];
                        if (!found) {
                            foundAtNanos = arrived;
                            bytesSinceFound = 0;
                        }
                        found = true;
                    } else {
                        sw3 = SamStatus.FIND_FAILED.code();
                    }
                }
                case SELECT_CARD -> {
                    if (card.isPresent() && (found || halted)) {
                        sw3 = SamStatus.OK.code();
                        data = new byte[8];
                    } else {
                        sw3 = SamStatus.SELECT_FAILED.code();
                    }
                }
                case READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT -> {
                    if (card.isEmpty() || !(found || halted)) {
                        sw3 = SamStatus.READ_FAILED.code();
                    } else if (faults.remove(Fault.LIFT_MID_READ)) {
                        sw3 = SamStatus.READ_FAILED.code();
                        card = Optional.empty();
                        found = false;
                        halted = false;
                    } else {
                        sw3 = SamStatus.OK.code();
                        data = readData(card.get(), command.get() == SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
                        halted = true;
                        found = false;
                        cardRead = true;
                    }
                }
                default -> sw3 = SamStatus.BAD_COMMAND.code();
            }
        }
        byte[] frame = SamFrames.answer(sw3, data);
        boolean corrupt = cardRead && faults.remove(Fault.WRONG_CHECKSUM_ONCE);
        if (corrupt) {
            frame[frame.length - 1] ^= (byte) 0x5A;
        }
        send(l, frame, arrived, commandBytes, true);
    }

    private static byte[] readData(IdentityCard c, boolean withFingerprint) {
        byte[] text = CardText.encode(c);
        byte[] photo = Arrays.copyOf(c.photo(), CardText.PHOTO_SIZE);
        int head = withFingerprint ? 6 : 4;
        byte[] data = new byte[head + text.length + photo.length];
        data[0] = (byte) (text.length >>> 8);
        data[1] = (byte) text.length;
        data[2] = (byte) (photo.length >>> 8);
        data[3] = (byte) photo.length;
        // FL stays 00 00: the simulator carries no fingerprints
        System.arraycopy(text, 0, data, head, text.length);
        System.arraycopy(photo, 0, data, head + text.length, photo.length);
        return data;
    }

    /**
     * Writes an answer at wire speed: it starts once the command's last byte would have arrived, and each chunk
     * is written when its last byte would have crossed the line.
     */
    private void send(Link l, byte[] frame, long arrived, int commandBytes, boolean allowFaults) throws IOException {
        long npb = line.nanosPerByte();
        byte[] out = frame;
        if (allowFaults && faults.contains(Fault.GARBAGE_BEFORE_FRAMES)) {
            out = withGarbage(frame);
        }
        boolean split = allowFaults && faults.contains(Fault.SPLIT_ANSWERS);
        long start = arrived + commandBytes * npb;
        bytesSinceFound += commandBytes + out.length;
        int sent = 0;
        int chunks = 0;
        while (sent < out.length) {
            int size = split ? 1 + random.nextInt(7) : 16;
            int n = Math.min(size, out.length - sent);
            // split answers also pause 0.3 ms between chunks, like a reader that flushes its buffer in pieces
            long due = start + (long) (sent + n) * npb + (split ? chunks++ * 300_000L : 0);
            parkUntil(due);
            l.write(Arrays.copyOfRange(out, sent, sent + n));
            sent += n;
        }
    }

    private byte[] withGarbage(byte[] frame) {
        int n = 1 + random.nextInt(24);
        byte[] g = new byte[n];
        for (int i = 0; i < n; i++) {
            g[i] = (byte) random.nextInt(256);
        }
        // end with a preamble fragment (AA AA AA 96): the host must synchronise on all five bytes, not on AA
        int k = Math.min(n, 4);
        System.arraycopy(SamFrames.PREAMBLE, 0, g, n - k, k);
        byte[] out = new byte[n + frame.length];
        System.arraycopy(g, 0, out, 0, n);
        System.arraycopy(frame, 0, out, n, frame.length);
        return out;
    }

    private static void parkUntil(long due) throws InterruptedIOException {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("simulator stopped");
            }
        }
    }
}
