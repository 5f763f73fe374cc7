package org.creditkiosk.cli.device;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.scanner.QrScanner;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.ScanCharset;
import org.creditkiosk.device.scanner.ScanEvent;
import org.creditkiosk.device.scanner.ScanTerminator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device scan --port PATH}: waits for the next code from a serial QR scanner and prints its text on
 * standard output. Rejected frames (too long, binary, wrong charset, no terminator) are noted on standard error
 * and the command keeps waiting. Exit codes: 0 a code was printed, 1 nothing within the timeout, 2 bad usage,
 * 3 the port cannot be opened (missing, busy, permission).
 */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = "Wait for the next code from a serial QR scanner and print it.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:a code was printed", "1:no code within the timeout", "2:bad usage",
                        "3:the port cannot be opened (missing, busy, permission)"})
public final class ScanCommand implements java.util.concurrent.Callable<Integer> {

    static final int NO_CODE = 1;
    static final int PORT_UNAVAILABLE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial device of the scanner, e.g. /dev/kiosk-scanner or /dev/ttyACM0.")
    String port;

    @Option(names = "--timeout-ms", defaultValue = "30000", paramLabel = "N",
            description = "How long to wait for a code, in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--baud", defaultValue = "9600", paramLabel = "N",
            description = "Baud rate (default: ${DEFAULT-VALUE}; ignored by USB virtual COM scanners).")
    int baud;

    @Option(names = "--terminator", defaultValue = "CR", paramLabel = "CR|LF|CRLF",
            description = "Suffix the scanner ends each code with (default: ${DEFAULT-VALUE}).")
    ScanTerminator terminator;

    @Option(names = "--charset", defaultValue = "UTF_8", paramLabel = "UTF_8|GB18030",
            description = "Text encoding of the scanner's output (default: ${DEFAULT-VALUE}).")
    ScanCharset charset;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutMs < 1 || timeoutMs > 3_600_000) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must be within 1..3600000");
        }
        SerialSettings serial;
        try {
            serial = SerialSettings.of8N1(baud);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--baud: " + e.getMessage());
        }
        // Open once here so that a missing, busy or forbidden port is one clear line, not a silent retry loop.
        SerialPortLink first;
        try {
            first = SerialPortLink.open(port, serial);
        } catch (LinkOpenException e) {
            err.println("scan: " + explain(e));
            err.flush();
            return PORT_UNAVAILABLE;
        }
        AtomicReference<Link> firstLink = new AtomicReference<>(first);
        BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
        QrScannerSettings settings = QrScannerSettings.defaults().withTerminator(terminator).withCharset(charset);
        try (QrScanner scanner = new QrScanner(() -> {
            Link l = firstLink.getAndSet(null);
            return l != null ? l : SerialPortLink.open(port, serial);
        }, settings, events::add)) {
            scanner.open();
            long deadline = System.nanoTime() + Duration.ofMillis(timeoutMs).toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                ScanEvent event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event instanceof ScanEvent.Scanned s) {
                    out.println(s.text());
                    out.flush();
                    return 0;
                }
                if (event instanceof ScanEvent.Rejected r) {
                    err.println("scan: a frame was rejected (" + r.reason() + "), waiting for the next code");
                    err.flush();
                    continue;
                }
                DeviceHealth health = scanner.health();
                String state = health.state() == DeviceState.OFFLINE ? "; the scanner is " + health : "";
                err.println("scan: no code within " + timeoutMs + " ms on " + port + state
                        + " (is the scanner in serial/virtual COM mode, at " + baud + " baud, ending codes with "
                        + terminator + "?)");
                err.flush();
                return NO_CODE;
            }
        } finally {
            Link unused = firstLink.getAndSet(null);
            if (unused != null) {
                unused.close();
            }
        }
    }

    private String explain(LinkOpenException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> "no serial device at " + port + " (check the cable and the device name)";
            case PERMISSION_DENIED -> "permission denied on " + port
                    + " (add the user to the 'dialout' group: sudo usermod -aG dialout $USER, then log in again)";
            case BUSY -> port + " is busy (another program, e.g. the running kiosk, holds the port)";
            // jSerialComm reports a port held by another process with its own codes (seen: "native error 2 at
            // line 505" for a pty another process has open), which SerialPortLink cannot map to BUSY.
            case OTHER -> e.getMessage() + " (if another program holds the port, find it with: fuser -v " + port + ")";
        };
    }
}
