package org.creditkiosk.cli.device;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.printer.EscPosSettings;
import org.creditkiosk.device.printer.PrinterStatus;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.printing.QueueStatus;
import org.creditkiosk.printing.ReportPrinter;
import org.creditkiosk.printing.ReportPrinterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device printer-status}: reads the receipt printer's four real-time status bytes ({@code DLE EOT 1..4})
 * and prints them decoded, or the CUPS state of the A4 queue. Prints nothing on paper.
 */
@Command(name = "printer-status", mixinStandardHelpOptions = true,
        description = "Show the decoded status of the receipt printer (--receipt-port) or of the A4 queue (--printer).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready (paper near end included)", "2:printer fault", "3:no answer / port cannot be opened",
            "4:configuration (missing queue, bad options)"})
public final class PrinterStatusCommand implements Callable<Integer> {

    @Mixin
    PrinterTarget target;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "9600",
            description = "Baud rate of the receipt printer (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--status-timeout-ms", paramLabel = "MS", defaultValue = "500",
            description = "Wait for each status byte (default ${DEFAULT-VALUE} ms).")
    long statusTimeoutMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> bad = PrinterTarget.validate(target);
        if (bad.isPresent()) {
            err.println("FAILED: " + bad.get());
            return PrinterTarget.CONFIGURATION;
        }
        if (target.printer != null) {
            QueueStatus st = new ReportPrinter(ReportPrinterSettings.of(target.printer)).status();
            out.println(st.describe());
            return st.fault().map(c -> c == org.creditkiosk.printing.PrintFailure.Code.QUEUE_MISSING
                    ? PrinterTarget.CONFIGURATION : PrinterTarget.PRINTER_FAULT).orElse(PrinterTarget.OK);
        }
        try (ReceiptPrinter printer = PrinterTarget.receiptPrinter(target.receiptPort, baud,
                EscPosSettings.QrMode.NATIVE, Duration.ofMillis(statusTimeoutMs))) {
            PrinterStatus st = printer.readStatus();
            out.println("receipt printer  : " + target.receiptPort + " @ " + baud);
            st.describe().forEach(out::println);
            return st.fault().isPresent() ? PrinterTarget.PRINTER_FAULT : PrinterTarget.OK;
        } catch (DeviceException e) {
            err.println("FAILED: receipt printer " + target.receiptPort + ": " + e.code() + ": "
                    + PrinterTarget.advice(e.code()));
            return PrinterTarget.exitCode(e);
        }
    }
}
