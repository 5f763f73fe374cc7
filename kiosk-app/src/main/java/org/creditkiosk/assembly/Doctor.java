package org.creditkiosk.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.idcard.SamClient;
import org.creditkiosk.device.idcard.SamCommand;
import org.creditkiosk.device.idcard.SamStatus;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.printer.PrinterStatus;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.printing.QueueStatus;
import org.creditkiosk.printing.ReportPrinter;
import org.creditkiosk.printing.ReportPrinterSettings;
import org.creditkiosk.report.pdf.FontLibrary;

/**
 * {@code kiosk doctor}: everything a hall checks before it opens a kiosk, one {@link Check} a line: the start checks
 * ({@link Preflight}), then what needs the outside world: the platform (reachable, TLS with the pins, the signature
 * accepted, the clock offset), each configured device on its port (the reader's SAM status, the receipt printer's
 * DLE EOT status, a serial scanner's port), the CUPS queue, free disk space and the fonts.
 */
public final class Doctor {

    /** The contract refuses requests outside ±300 s; warn from 60 s, so a drifting clock is fixed in time. */
    static final Duration CONTRACT_WINDOW = Duration.ofSeconds(300);
    static final Duration WARN_OFFSET = Duration.ofSeconds(60);
    static final long DISK_FAIL_BYTES = 50L << 20;
    static final long DISK_WARN_BYTES = 500L << 20;
    private static final Duration DEVICE_TIMEOUT = Duration.ofSeconds(2);

    private Doctor() {
    }

    public static List<Check> examine(KioskSettings s, Map<String, String> env, Clock clock) {
        List<Check> out = new ArrayList<>(Preflight.check(s, env, clock));
        out.addAll(platform(s, env));
        out.add(reader(s));
        out.add(receiptPrinter(s));
        out.add(scanner(s));
        out.add(reportQueue(s));
        out.add(disk("disk space (data)", ConfigLoader.dataDir(s)));
        out.add(disk("disk space (spool)", Path.of(System.getProperty("java.io.tmpdir"))));
        out.add(fonts());
        return out;
    }

    static List<Check> platform(KioskSettings s, Map<String, String> env) {
        if (s.get(ConfigKeys.PLATFORM_URL).isEmpty()) {
            return List.of(); // the start checks already said so
        }
        HttpPlatformClient client;
        try {
            client = HttpPlatformClient.create(HallSettings.platform(s, env), CallObserver.NONE);
        } catch (IOException | RuntimeException e) {
            return List.of(Check.fail("platform", "client cannot be set up: " + e.getMessage()));
        }
        List<Check> out = new ArrayList<>();
        try (client) {
            try {
                var answer = client.getKioskConfig(Optional.empty());
                out.add(Check.ok("platform", "reachable, TLS " + (client.settings().url().isHttps() ? "ok" : "not used (loopback)")
                        + ", signature accepted" + (answer.unchanged() ? "" : ", a configuration bundle is offered")));
            } catch (PlatformException.Api e) {
                out.add(Check.fail("platform", "reachable, but refused: " + e.code() + " | " + ErrorCatalog.of(e).staffDetail()));
            } catch (PlatformException.Transport e) {
                out.add(Check.fail("platform", (e.kind() == PlatformException.Transport.Kind.TLS
                        ? "TLS refused (certificate, trust store or pin): " : "not reachable (" + e.kind() + "): ")
                        + e.getMessage()));
                return out;
            } catch (PlatformException e) {
                out.add(Check.fail("platform", "answer broke the contract: " + e.getMessage()));
            }
            Optional<Duration> offset = client.lastClockOffset();
            if (offset.isEmpty()) {
                out.add(Check.warn("clock offset", "unknown (the platform sent no Date header)"));
            } else {
                Duration d = offset.get();
                String text = String.format("%+d s (platform minus kiosk)", d.toSeconds());
                out.add(d.abs().compareTo(CONTRACT_WINDOW) > 0
                        ? Check.fail("clock offset", text + ": outside the contract's ±300 s; fix time synchronisation")
                        : d.abs().compareTo(WARN_OFFSET) > 0
                        ? Check.warn("clock offset", text + ": drifting; check time synchronisation")
                        : Check.ok("clock offset", text));
            }
        }
        return out;
    }

    static Check reader(KioskSettings s) {
        String name = "ID card reader";
        Optional<String> port = s.get(ConfigKeys.IDCARD_PORT);
        if (port.isEmpty()) {
            return Check.warn(name, "devices.idcard.port is not set: citizens can sign in only with the app code");
        }
        int baud = s.get(ConfigKeys.IDCARD_BAUD);
        try (Link link = SerialPortLink.open(port.get(), SerialSettings.of8N1(baud))) {
            SamClient sam = new SamClient(link, IdCardReaderSettings.defaults());
            SamClient.Exchange x = sam.exchange(SamCommand.SAM_STATUS);
            if (x instanceof SamClient.Answered a && a.answer().status() == SamStatus.OK) {
                String id = sam.samId() instanceof SamClient.SamIdRead r ? ", SAM " + r.samId() : "";
                return Check.ok(name, port.get() + " @ " + baud + ": SAM status OK" + id);
            }
            if (x instanceof SamClient.Answered a) {
                return Check.fail(name, port.get() + " @ " + baud + ": SAM status " + a.answer().status());
            }
            return Check.fail(name, port.get() + " @ " + baud + ": no valid answer to the SAM status query ("
                    + ((SamClient.Failed) x).outcome().code() + "): check power, cable and baud rate");
        } catch (IOException e) {
            return Check.fail(name, port.get() + ": cannot be opened: " + e.getMessage());
        }
    }

    static Check receiptPrinter(KioskSettings s) {
        String name = "receipt printer";
        Optional<String> port = s.get(ConfigKeys.RECEIPT_PORT);
        if (port.isEmpty()) {
            return Check.warn(name, "devices.receipt.port is not set: no summary slips");
        }
        int baud = s.get(ConfigKeys.RECEIPT_BAUD);
        ReceiptPrinterSettings d = ReceiptPrinterSettings.defaults();
        ReceiptPrinterSettings quick = new ReceiptPrinterSettings(DEVICE_TIMEOUT, d.statusAttempts(), d.jobTimeout(),
                d.statusEveryBytes(), Duration.ofHours(1), d.reopenMinBackoff(), d.reopenMaxBackoff(), d.escPos());
        try (ReceiptPrinter printer = new ReceiptPrinter(port.get(),
                () -> SerialPortLink.open(port.get(), SerialSettings.of8N1(baud)), quick)) {
            PrinterStatus st = printer.readStatus();
            return st.fault().isPresent()
                    ? Check.fail(name, port.get() + " @ " + baud + ": " + st.fault().get() + " (" + String.join("; ", st.describe()) + ")")
                    : Check.ok(name, port.get() + " @ " + baud + ": DLE EOT status ready");
        } catch (DeviceException e) {
            return Check.fail(name, port.get() + " @ " + baud + ": " + e.code() + ": " + e.getMessage());
        }
    }

    static Check scanner(KioskSettings s) {
        String name = "QR scanner";
        Optional<String> port = s.get(ConfigKeys.SCANNER_PORT);
        if (port.isEmpty()) {
            return Check.ok(name, "no serial scanner configured (a keyboard-wedge scanner needs no port)");
        }
        try (Link link = SerialPortLink.open(port.get(), SerialSettings.of8N1(s.get(ConfigKeys.SCANNER_BAUD)))) {
            return Check.ok(name, port.get() + " opens (a scanner is silent until it scans: try 'kiosk device scan')");
        } catch (IOException e) {
            return Check.fail(name, port.get() + ": cannot be opened: " + e.getMessage());
        }
    }

    static Check reportQueue(KioskSettings s) {
        String name = "A4 printer queue";
        Optional<String> queue = s.get(ConfigKeys.REPORT_PRINTER);
        if (queue.isEmpty()) {
            return Check.fail(name, "printer.reportQueue is not set: citizens' reports cannot be printed");
        }
        QueueStatus st = new ReportPrinter(ReportPrinterSettings.of(queue.get())).status();
        return st.fault().isPresent() ? Check.fail(name, st.describe()) : Check.ok(name, st.describe());
    }

    static Check disk(String name, Path dir) {
        try {
            Path p = dir;
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            if (p == null) {
                return Check.fail(name, dir + " does not exist");
            }
            long free = Files.getFileStore(p).getUsableSpace();
            String text = dir + ": " + (free >> 20) + " MiB free";
            return free < DISK_FAIL_BYTES ? Check.fail(name, text)
                    : free < DISK_WARN_BYTES ? Check.warn(name, text) : Check.ok(name, text);
        } catch (IOException e) {
            return Check.fail(name, dir + ": " + e.getMessage());
        }
    }

    static Check fonts() {
        try {
            return Check.ok("fonts", FontLibrary.bundled().toString());
        } catch (RuntimeException e) {
            return Check.fail("fonts", "bundled fonts cannot be loaded: " + e.getMessage());
        }
    }
}
