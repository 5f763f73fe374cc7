package org.creditkiosk.device.printer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkClosedException;
import org.creditkiosk.device.link.LinkOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 80 mm ESC/POS receipt printer on a serial line.
 *
 * <p>One worker thread owns the link: jobs, status polls and reopening run on it one after another, so a real-time
 * status query ({@code DLE EOT n}) is only ever sent between complete commands, never inside a command's data
 * (the printer acts on it even inside image data). Status is read before and after every job and between command
 * groups of a long job; while idle the driver polls it, so {@link #health()} shows paper low, paper out or an open
 * cover without waiting for a citizen. A lost port is reopened with backoff.
 *
 * <p>Health: READY, DEGRADED(PAPER_LOW), BUSY during a job, OFFLINE(PAPER_OUT | COVER_OPEN | ERROR |
 * NO_RESPONSE | DISCONNECTED), DISABLED before {@link #open()} and after {@link #close()}.
 * Failures of {@link #print} are typed: {@link DeviceException.Offline} with PAPER_OUT, COVER_OPEN or
 * DISCONNECTED; {@link DeviceException.Failure} with ERROR; {@link DeviceException.Timeout} (NO_RESPONSE);
 * {@link DeviceException.Protocol} for answers that are not status bytes.
 */
public final class ReceiptPrinter implements Device {

    /** The port is gone or cannot be opened (cable, udev name, permissions). */
    public static final String DISCONNECTED = "DISCONNECTED";
    /** The port is open but the printer does not answer status queries (power, baud rate, cable). */
    public static final String NO_RESPONSE = "NO_RESPONSE";

    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinter.class);

    private final String name;
    private final LinkOpener opener;
    private final ReceiptPrinterSettings settings;
    private final EscPosEncoder encoder;
    private final Object lifecycle = new Object();

    private ScheduledExecutorService worker;
    private volatile DeviceHealth health = DeviceHealth.disabled();
    private volatile PrinterStatus lastStatus;

    // Worker thread only.
    private Link link;
    private Duration backoff;
    private long nextReopenNanos;
    private String lastOpenError = "";

    /**
     * @param name     the port path or a label, for logs and health
     * @param opener   opens the link, e.g. {@code () -> SerialPortLink.open(path, SerialSettings.of8N1(baud))}
     * @param settings timeouts and layout
     */
    public ReceiptPrinter(String name, LinkOpener opener, ReceiptPrinterSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = new EscPosEncoder(settings.escPos());
        this.backoff = settings.reopenMinBackoff();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.RECEIPT_PRINTER;
    }

    public String name() {
        return name;
    }

    public EscPosEncoder encoder() {
        return encoder;
    }

    @Override
    public void open() {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "receipt-printer " + name);
                t.setDaemon(true);
                return t;
            });
            health = DeviceHealth.offline(DISCONNECTED);
            long poll = settings.pollInterval().toMillis();
            worker.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService w;
        synchronized (lifecycle) {
            w = worker;
            worker = null;
        }
        if (w == null) {
            return;
        }
        w.shutdownNow();
        try {
            if (!w.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("receipt printer {}: worker did not stop in time", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLink();
        health = DeviceHealth.disabled();
    }

    @Override
    public DeviceHealth health() {
        return health;
    }

    /** The status read last (poll, job or {@link #readStatus()}), if any. */
    public java.util.Optional<PrinterStatus> lastStatus() {
        return java.util.Optional.ofNullable(lastStatus);
    }

    /**
     * Prints one slip and cuts it. Reads the status before (refuses to start on paper out, cover open or error),
     * between command groups and after the job (a fault there means the slip is incomplete).
     */
    public void print(ReceiptSlip slip) throws DeviceException {
        EscPosEncoder.EncodedSlip job = encoder.encode(slip);
        call(() -> printNow(job), "print");
    }

    /** Reads the four real-time status bytes now. */
    public PrinterStatus readStatus() throws DeviceException {
        return call(() -> {
            ensureLink();
            return status();
        }, "status");
    }

    private <T> T call(Callable<T> task, String what) throws DeviceException {
        open();
        Future<T> f;
        synchronized (lifecycle) {
            if (worker == null) {
                throw new DeviceException.Offline("CLOSED", "receipt printer " + name + " is closed");
            }
            try {
                f = worker.submit(task);
            } catch (RejectedExecutionException e) {
                throw new DeviceException.Offline("CLOSED", "receipt printer " + name + " is closed", e);
            }
        }
        try {
            return f.get(settings.jobTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            setHealth(DeviceState.OFFLINE, NO_RESPONSE);
            throw new DeviceException.Timeout("receipt printer " + name + ": " + what + " did not finish within "
                    + settings.jobTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeviceException.Timeout("interrupted while waiting for receipt printer " + name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException.Failure("DRIVER_ERROR", "receipt printer " + name + ": " + e.getCause());
        }
    }

    // ---------------------------------------------------------------- worker thread

    private Void printNow(EscPosEncoder.EncodedSlip job) throws DeviceException {
        long t0 = System.nanoTime();
        ensureLink();
        PrinterStatus before = status();
        refuseIfFaulted(before, false);
        setHealth(DeviceState.BUSY, "");
        try {
            List<byte[]> groups = job.commandGroups();
            int sinceCheck = 0;
            for (int i = 0; i < groups.size(); i++) {
                link.write(groups.get(i));
                sinceCheck += groups.get(i).length;
                if (sinceCheck >= settings.statusEveryBytes() && i < groups.size() - 1) {
                    refuseIfFaulted(status(), true);
                    sinceCheck = 0;
                }
            }
            PrinterStatus after = status();
            refuseIfFaulted(after, true);
            healthFrom(after, true);
            log.info("receipt printer {}: slip printed ({} bytes, {} ms)", name, job.size(),
                    (System.nanoTime() - t0) / 1_000_000);
            return null;
        } catch (IOException e) {
            throw linkFailed(e);
        } finally {
            if (health.state() == DeviceState.BUSY) {
                setHealth(DeviceState.READY, "");
            }
        }
    }

    private void refuseIfFaulted(PrinterStatus st, boolean midJob) throws DeviceException {
        healthFrom(st);
        var fault = st.fault();
        if (fault.isEmpty()) {
            return;
        }
        String code = fault.get();
        String when = midJob ? " during the job: the slip is incomplete" : ": job not started";
        log.warn("receipt printer {}: {}{}", name, code, midJob ? " mid-job" : " before the job");
        if (PrinterStatus.ERROR.equals(code)) {
            throw new DeviceException.Failure(code, "receipt printer " + name + " reports an error" + when);
        }
        throw new DeviceException.Offline(code, "receipt printer " + name + ": " + code + when);
    }

    private void poll() {
        try {
            if (link == null || !link.isOpen()) {
                closeLink();
                if (System.nanoTime() < nextReopenNanos) {
                    return;
                }
                if (!tryOpen()) {
                    return;
                }
            }
            status();
        } catch (DeviceException e) {
            // health is already updated; polls stay quiet in the log
        } catch (RuntimeException e) {
            log.warn("receipt printer {}: poll failed: {}", name, e.toString());
        }
    }

    private void ensureLink() throws DeviceException {
        if (link != null && link.isOpen()) {
            return;
        }
        closeLink();
        if (!tryOpen()) {
            throw new DeviceException.Offline(DISCONNECTED, "receipt printer port " + name + " cannot be opened: "
                    + lastOpenError);
        }
    }

    private boolean tryOpen() {
        try {
            link = opener.open();
            backoff = settings.reopenMinBackoff();
            nextReopenNanos = 0;
            log.info("receipt printer {}: port open", name);
            return true;
        } catch (IOException | RuntimeException e) {
            link = null;
            lastOpenError = String.valueOf(e.getMessage());
            setHealth(DeviceState.OFFLINE, DISCONNECTED);
            nextReopenNanos = System.nanoTime() + backoff.toNanos();
            log.debug("receipt printer {}: cannot open ({}); next attempt in {} ms", name, e.getMessage(),
                    backoff.toMillis());
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(settings.reopenMaxBackoff()) > 0 ? settings.reopenMaxBackoff() : doubled;
            return false;
        }
    }

    /** DLE EOT 1..4, each answered by one byte; updates health. */
    private PrinterStatus status() throws DeviceException {
        try {
            PrinterStatus st = new PrinterStatus(query(1), query(2), query(3), query(4));
            lastStatus = st;
            healthFrom(st);
            return st;
        } catch (IOException e) {
            throw linkFailed(e);
        }
    }

    private int query(int n) throws IOException, DeviceException {
        byte[] one = new byte[1];
        int invalid = 0;
        for (int attempt = 0; attempt < settings.statusAttempts(); attempt++) {
            // Stale bytes (a late answer, an echo of image data) must not be taken for this answer. Drained with
            // zero-timeout reads rather than drainInput(): a read notices a vanished port, so we never write into it.
            drain();
            link.write(new byte[] {EscPosEncoder.DLE, EscPosEncoder.EOT, (byte) n});
            long deadline = System.nanoTime() + settings.statusTimeout().toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                if (link.read(one, 0, 1, Duration.ofNanos(left)) == 1) {
                    int b = one[0] & 0xFF;
                    if (PrinterStatus.isValid(b)) {
                        return b;
                    }
                    invalid++;
                }
            }
        }
        if (invalid > 0) {
            setHealth(DeviceState.OFFLINE, "PROTOCOL_ERROR");
            throw new DeviceException.Protocol("receipt printer " + name + ": " + invalid
                    + " answers to DLE EOT " + n + " were not status bytes (wrong baud rate?)");
        }
        setHealth(DeviceState.OFFLINE, NO_RESPONSE);
        throw new DeviceException.Timeout("receipt printer " + name + " did not answer DLE EOT " + n + " within "
                + settings.statusTimeout().toMillis() + " ms x " + settings.statusAttempts());
    }

    private void drain() throws IOException {
        byte[] scratch = new byte[256];
        while (link.read(scratch, 0, scratch.length, Duration.ZERO) > 0) {
            // discard
        }
    }

    private void healthFrom(PrinterStatus st) {
        healthFrom(st, false);
    }

    /** @param jobDone true for the status after a job: leave BUSY for the state the status says */
    private void healthFrom(PrinterStatus st, boolean jobDone) {
        var fault = st.fault();
        if (fault.isPresent()) {
            setHealth(DeviceState.OFFLINE, fault.get());
        } else if (health.state() == DeviceState.BUSY && !jobDone) {
            return;   // mid-job: stay BUSY; the job sets the final health
        } else if (st.paperNearEnd()) {
            setHealth(DeviceState.DEGRADED, PrinterStatus.PAPER_LOW);
        } else {
            setHealth(DeviceState.READY, "");
        }
    }

    private DeviceException linkFailed(IOException e) {
        closeLink();
        if (e instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
            return new DeviceException.Timeout("receipt printer " + name + ": interrupted (job timeout)");
        }
        setHealth(DeviceState.OFFLINE, DISCONNECTED);
        nextReopenNanos = System.nanoTime() + backoff.toNanos();
        log.warn("receipt printer {}: link lost: {}", name, e.getMessage());
        return new DeviceException.Offline(DISCONNECTED, "receipt printer " + name + " disconnected", e);
    }

    private void closeLink() {
        Link l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    private void setHealth(DeviceState state, String detail) {
        DeviceHealth h = health;
        if (h.state() == state && h.detail().equals(detail)) {
            return;
        }
        DeviceHealth next = new DeviceHealth(state, detail, java.time.Instant.now());
        health = next;
        if (state == DeviceState.OFFLINE || state == DeviceState.DEGRADED) {
            log.warn("receipt printer {}: health {}", name, next);
        } else if (state != DeviceState.BUSY) {
            log.info("receipt printer {}: health {}", name, next);
        }
    }
}
