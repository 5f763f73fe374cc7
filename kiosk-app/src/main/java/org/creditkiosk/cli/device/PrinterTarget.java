package org.creditkiosk.cli.device;

import java.time.Duration;
import java.util.Optional;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.printer.EscPosSettings;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import picocli.CommandLine.Option;

/** Options shared by the printer commands: which printer, and how to reach it. Exactly one of the two names. */
final class PrinterTarget {

    @Option(names = "--receipt-port", paramLabel = "PATH",
            description = "Serial port of the ESC/POS receipt printer, e.g. /dev/kiosk-receipt or /dev/ttyUSB0.")
    String receiptPort;

    @Option(names = "--printer", paramLabel = "NAME", description = "CUPS queue of the A4 report printer (lpstat -p).")
    String printer;

    /** Exit codes shared by the printer commands (documented in docs/printing.md). */
    static final int OK = 0;
    static final int PRINTER_FAULT = 2;
    static final int NO_ANSWER = 3;
    static final int CONFIGURATION = 4;

    static ReceiptPrinter receiptPrinter(String port, int baud, EscPosSettings.QrMode qr, Duration statusTimeout) {
        SerialSettings line = SerialSettings.of8N1(baud);
        ReceiptPrinterSettings d = ReceiptPrinterSettings.defaults();
        ReceiptPrinterSettings s = new ReceiptPrinterSettings(statusTimeout, d.statusAttempts(), d.jobTimeout(),
                d.statusEveryBytes(), Duration.ofHours(1), d.reopenMinBackoff(), d.reopenMaxBackoff(),
                d.escPos().withQrMode(qr));
        return new ReceiptPrinter(port, () -> SerialPortLink.open(port, line), s);
    }

    /** What a technician should do about a receipt printer failure code. */
    static String advice(String code) {
        return switch (code) {
            case "PAPER_OUT" -> "paper out: load a new roll and close the cover";
            case "COVER_OPEN" -> "cover open: close the printer cover";
            case "ERROR" -> "printer error (cutter jam or head): clear the paper path, then power-cycle the printer";
            case "NO_RESPONSE" -> "no answer to status queries: check power, cable and baud rate";
            case "DISCONNECTED" -> "port cannot be opened: check the cable, the udev name and the dialout group";
            case "PROTOCOL_ERROR" -> "answers are not ESC/POS status bytes: check the baud rate";
            default -> code;
        };
    }

    static int exitCode(DeviceException e) {
        return switch (e.code()) {
            case "NO_RESPONSE", "DISCONNECTED", "PROTOCOL_ERROR" -> NO_ANSWER;
            default -> PRINTER_FAULT;
        };
    }

    static Optional<String> validate(PrinterTarget t) {
        if ((t.receiptPort == null) == (t.printer == null)) {
            return Optional.of("give exactly one of --receipt-port PATH or --printer NAME");
        }
        return Optional.empty();
    }
}
