package org.creditkiosk.device.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.idcard.SamClient;
import org.creditkiosk.device.idcard.SamCommand;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.printer.PrinterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which serial port holds which kiosk device, for a technician setting up a kiosk ({@code kiosk device probe}).
 *
 * <p>At each of the usual baud rates it asks the two questions these devices answer without side effects:
 * <ol>
 *   <li>{@code DLE EOT 1}, the ESC/POS real-time printer status: a receipt printer answers one byte with the fixed
 *       bits {@code 0xx1 0x10}. It is asked first because a GA/T 467 reader synchronises on its 5-byte preamble and
 *       ignores these three bytes, while a printer would put a reader frame into its line buffer.</li>
 *   <li>the SAM status query {@code AA AA AA 96 69 00 03 11 FF ED}: an ID card reader answers a frame with a valid
 *       checksum. Nothing is asked of a card, so no card is read.</li>
 * </ol>
 * A found printer gets {@code ESC @} (initialise), which drops whatever bytes the questions at a wrong baud left in
 * its line buffer: probing prints nothing. A port that answers neither is {@link Device#UNKNOWN}; a serial QR
 * scanner is such a port (it is silent until it scans). Every port is done within {@link #PER_PORT}; the ports are
 * probed in parallel, so the whole probe takes about as long as the slowest port.
 */
public final class DeviceProbe {

    private static final Logger log = LoggerFactory.getLogger(DeviceProbe.class);

    /** What a port was found to hold. */
    public enum Device { ID_CARD_READER, RECEIPT_PRINTER, UNKNOWN }

    /** The outcome for one port; {@code baud} is 0 when nothing answered. */
    public record Result(String port, Device device, int baud, String detail) {
        public Result {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Opens a port at a baud rate (a serial port in the kiosk; tests may give other links). */
    @FunctionalInterface
    public interface Opener {
        Link open(String port, SerialSettings line) throws LinkOpenException;
    }

    /** The longest a port is probed. */
    public static final Duration PER_PORT = Duration.ofSeconds(3);
    /**
     * The usual rates, in the order tried: the defaults of GA/T 467 readers (115200) and of receipt printers
     * (9600) first, then the others both use.
     */
    public static final List<Integer> BAUD_RATES = List.of(115200, 9600, 57600, 38400, 19200);

    private static final byte[] DLE_EOT_1 = {0x10, 0x04, 0x01};
    private static final byte[] DLE_EOT_4 = {0x10, 0x04, 0x04};
    private static final byte[] ESC_INIT = {0x1B, 0x40};
    private static final Duration STATUS_WAIT = Duration.ofMillis(150);
    private static final Duration SAM_WAIT = Duration.ofMillis(250);

    private final Opener opener;
    private final List<Integer> bauds;
    private final Duration perPort;

    public DeviceProbe(Opener opener) {
        this(opener, BAUD_RATES, PER_PORT);
    }

    public DeviceProbe(Opener opener, List<Integer> bauds, Duration perPort) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.bauds = List.copyOf(bauds);
        this.perPort = Objects.requireNonNull(perPort, "perPort");
    }

    /** Probes every port in parallel; results in the order of {@code ports}. */
    public List<Result> probe(List<String> ports) {
        List<Result> results = new ArrayList<>();
        if (ports.isEmpty()) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ports.size(), 8), r -> {
            Thread t = new Thread(r, "device-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (String p : ports) {
                futures.add(pool.submit(() -> probe(p)));
            }
            for (int i = 0; i < ports.size(); i++) {
                results.add(await(ports.get(i), futures.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private Result await(String port, Future<Result> f) {
        try {
            // The probe keeps its own deadline; this bound only catches a driver call that hangs past it.
            return f.get(perPort.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Result(port, Device.UNKNOWN, 0, "probe did not finish in time");
        } catch (ExecutionException e) {
            return new Result(port, Device.UNKNOWN, 0, "probe failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(port, Device.UNKNOWN, 0, "interrupted");
        }
    }

    /** Probes one port, within {@link #PER_PORT}. */
    public Result probe(String port) {
        long deadline = System.nanoTime() + perPort.toNanos();
        long silentBytes = 0;
        for (int baud : bauds) {
            long left = deadline - System.nanoTime();
            if (left < (STATUS_WAIT.toNanos() + SAM_WAIT.toNanos()) * 2) {
                break;   // not enough time left for both questions (and the reader's retry) at another rate
            }
            try (Link link = opener.open(port, SerialSettings.of8N1(baud))) {
                link.drainInput();
                if (isPrinter(link)) {
                    link.write(ESC_INIT);
                    return new Result(port, Device.RECEIPT_PRINTER, baud, "answers DLE EOT status at " + baud);
                }
                SamClient sam = new SamClient(link, IdCardReaderSettings.defaults().withCommandTimeout(SAM_WAIT));
                SamClient.Exchange e = sam.exchange(SamCommand.SAM_STATUS);
                if (e instanceof SamClient.Answered a) {
                    return new Result(port, Device.ID_CARD_READER, baud,
                            "answers the SAM status query at " + baud + " (status " + a.answer().status() + ")");
                }
                silentBytes += sam.skippedBytes();
            } catch (LinkOpenException e) {
                return new Result(port, Device.UNKNOWN, 0, switch (e.reason()) {
                    case NOT_FOUND -> "no such port";
                    case PERMISSION_DENIED -> "permission denied (is the user in the 'dialout' group?)";
                    case BUSY -> "busy: another program holds the port (stop the kiosk service first)";
                    default -> e.getMessage();
                });
            } catch (IOException e) {
                log.debug("probe {} at {}: {}", port, baud, e.toString());
                return new Result(port, Device.UNKNOWN, 0, "the link failed: " + e.getMessage());
            }
        }
        return new Result(port, Device.UNKNOWN, 0, silentBytes > 0
                ? "sent bytes that are neither a printer status nor a reader answer at " + bauds
                : "no answer at " + bauds + " baud");
    }

    /** {@code DLE EOT 1} answered by a byte with the fixed status bits, confirmed by {@code DLE EOT 4}. */
    private static boolean isPrinter(Link link) throws IOException {
        return statusByte(link, DLE_EOT_1) && statusByte(link, DLE_EOT_4);
    }

    private static boolean statusByte(Link link, byte[] query) throws IOException {
        link.write(query);
        byte[] one = new byte[16];
        long deadline = System.nanoTime() + STATUS_WAIT.toNanos();
        int got = 0;
        int last = -1;
        while (System.nanoTime() < deadline) {
            int n = link.read(one, 0, one.length, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (n > 0) {
                got += n;
                last = one[n - 1] & 0xFF;
                if (got == 1) {
                    break;
                }
            }
        }
        return got == 1 && PrinterStatus.isValid(last);
    }
}
