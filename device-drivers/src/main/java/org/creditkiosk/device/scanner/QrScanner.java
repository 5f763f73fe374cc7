package org.creditkiosk.device.scanner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.LinkOpener;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver of a serial (or USB CDC-ACM "virtual COM") QR scanner. The scanner speaks first: every code arrives as
 * text followed by a terminator; the driver frames it ({@link ScanFramer}), decodes it and hands one
 * {@link ScanEvent} per frame to the consumer.
 *
 * <p>One link, one reader thread ({@code qr-scanner}); every write (open command, trigger) goes out from that
 * thread. When the port vanishes or I/O fails the driver reports {@code OFFLINE(DISCONNECTED)} and reopens
 * through its {@link LinkOpener} with a doubling backoff; {@link #close()} stops the thread and releases the port.
 *
 * <p>The consumer runs on the reader thread: hand the event over (e.g. {@code Platform.runLater}) and return.
 */
public final class QrScanner implements Device {

    private static final Logger log = LoggerFactory.getLogger(QrScanner.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(3);

    private final LinkOpener opener;
    private final QrScannerSettings settings;
    private final Consumer<ScanEvent> events;
    private final ScanFramer framer;
    private final Queue<byte[]> outbox = new ConcurrentLinkedQueue<>();
    private final Object lifecycle = new Object();

    private volatile DeviceHealth health = DeviceHealth.disabled();
    private volatile boolean running;
    private volatile Link link;
    private Thread reader;
    private volatile long scanned;
    private volatile long rejected;
    private volatile long reopens;
    private int consecutiveRejects;
    private boolean openedOnce;

    public QrScanner(LinkOpener opener, QrScannerSettings settings, Consumer<ScanEvent> events) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.framer = new ScanFramer(settings);
    }

    /** A scanner on the serial port at {@code path} (reopened by path after an unplug). */
    public static QrScanner serial(String path, SerialSettings serial, QrScannerSettings settings,
                                   Consumer<ScanEvent> events) {
        return new QrScanner(() -> SerialPortLink.open(path, serial), settings, events);
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.QR_SCANNER;
    }

    @Override
    public void open() {
        synchronized (lifecycle) {
            if (reader != null) {
                return;
            }
            running = true;
            health = DeviceHealth.offline("CONNECTING");
            reader = new Thread(this::run, "qr-scanner");
            reader.setDaemon(true);
            reader.start();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            t = reader;
            reader = null;
            running = false;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                // A read stuck in native code: closing the link under it makes it return.
                closeLink();
                try {
                    t.join(JOIN_TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeLink();
        outbox.clear();
        health = DeviceHealth.disabled();
    }

    @Override
    public DeviceHealth health() {
        return health;
    }

    /**
     * Asks a scanner in serial trigger mode to read now, by sending the configured trigger command from the
     * reader thread. Does nothing when no trigger command is configured (presentation mode, the default).
     */
    public void trigger() {
        if (!settings.triggerCommand().isEmpty() && running) {
            outbox.add(settings.triggerCommand().bytes());
        }
    }

    /** Bytes of the current partial frame; never more than {@code maxLength + 1}. */
    public int bufferedBytes() {
        return framer.bufferedBytes();
    }

    public QrScannerStatistics statistics() {
        return new QrScannerStatistics(scanned, rejected, framer.discardedBytes(), framer.bufferedBytes(),
                framer.peakBufferedBytes(), reopens);
    }

    public QrScannerSettings settings() {
        return settings;
    }

    private void run() {
        long backoff = settings.reopenBackoffMin().toNanos();
        byte[] chunk = new byte[256];
        try {
            while (running) {
                Link current = link;
                if (current == null) {
                    if (!tryOpen()) {
                        sleep(backoff);
                        backoff = Math.min(backoff * 2, settings.reopenBackoffMax().toNanos());
                        continue;
                    }
                    backoff = settings.reopenBackoffMin().toNanos();
                    current = link;
                }
                try {
                    flushOutbox(current);
                    int n = current.read(chunk, 0, chunk.length, settings.pollInterval());
                    long now = System.nanoTime();
                    if (n > 0) {
                        framer.feed(chunk, 0, n, now, this::deliver);
                    } else {
                        framer.idle(now, this::deliver);
                    }
                } catch (InterruptedIOException e) {
                    if (!running) {
                        break;
                    }
                } catch (IOException e) {
                    if (!running) {
                        break;
                    }
                    log.warn("scanner on {} lost: {}", current.name(), e.getMessage());
                    closeLink();
                    framer.reset();
                    outbox.clear(); // a trigger asked for before the unplug is stale by the time we are back
                    health = DeviceHealth.offline("DISCONNECTED");
                    sleep(settings.reopenBackoffMin().toNanos());
                }
            }
        } catch (InterruptedException e) {
            // close() asked us to stop
        } finally {
            closeLink();
        }
    }

    private boolean tryOpen() {
        try {
            Link opened = opener.open();
            link = opened;
            if (!running) {
                closeLink();
                return false;
            }
            if (openedOnce) {
                reopens++;
                log.info("scanner on {} reopened", opened.name());
            } else {
                log.info("scanner on {} open", opened.name());
            }
            openedOnce = true;
            if (!settings.onOpenCommand().isEmpty()) {
                outbox.add(settings.onOpenCommand().bytes());
            }
            health = DeviceHealth.ready();
            consecutiveRejects = 0;
            return true;
        } catch (LinkOpenException e) {
            String detail = switch (e.reason()) {
                case NOT_FOUND -> "PORT_NOT_FOUND";
                case PERMISSION_DENIED -> "PERMISSION_DENIED";
                case BUSY -> "PORT_BUSY";
                case OTHER -> "OPEN_FAILED";
            };
            noteOpenFailure(detail, e);
            return false;
        } catch (IOException | RuntimeException e) {
            noteOpenFailure("OPEN_FAILED", e);
            return false;
        }
    }

    private void noteOpenFailure(String detail, Exception e) {
        if (!detail.equals(health.detail())) {
            log.warn("scanner offline ({}): {}", detail, e.getMessage());
        }
        if (health.state() != DeviceState.OFFLINE || !detail.equals(health.detail())) {
            health = DeviceHealth.offline(detail);
        }
    }

    private void flushOutbox(Link current) throws IOException {
        byte[] command;
        while ((command = outbox.poll()) != null) {
            current.write(command);
        }
    }

    private void deliver(ScanEvent event) {
        if (event instanceof ScanEvent.Scanned s) {
            scanned++;
            consecutiveRejects = 0;
            if (health.state() == DeviceState.DEGRADED) {
                health = DeviceHealth.ready();
            }
            log.debug("code scanned ({} chars)", s.text().length());
        } else if (event instanceof ScanEvent.Rejected r) {
            rejected++;
            consecutiveRejects++;
            log.info("scan rejected: {}", r.reason());
            if (consecutiveRejects >= settings.garbledAfter() && health.state() == DeviceState.READY) {
                health = DeviceHealth.degraded("GARBLED_INPUT");
            }
        }
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            log.error("scan event consumer failed", e);
        }
    }

    private void closeLink() {
        Link l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    private static void sleep(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }
}
