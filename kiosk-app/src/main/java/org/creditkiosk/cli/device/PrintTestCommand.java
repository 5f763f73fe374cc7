package org.creditkiosk.cli.device;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.printer.EscPosSettings;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptSlip;
import org.creditkiosk.device.printer.ReceiptSlip.Align;
import org.creditkiosk.device.printer.ReceiptSlip.Size;
import org.creditkiosk.device.printer.ReceiptSlip.Text;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.printing.ReportPrinter;
import org.creditkiosk.printing.ReportPrinterSettings;
import org.creditkiosk.printing.TestPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device print-test}: prints a test slip on the receipt printer (everything a real slip uses: Chinese
 * text in two sizes, bold, centring, a QR code, a cut) or a test page on the A4 queue. Fails with one clear line
 * when the printer is out of paper, its cover is open, it is offline, or it does not answer.
 */
@Command(name = "print-test", mixinStandardHelpOptions = true,
        description = "Print a test slip (--receipt-port) or an A4 test page (--printer).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:printer fault (paper out, cover open, offline, error)",
            "3:no answer / port cannot be opened", "4:configuration (missing queue, bad options)"})
public final class PrintTestCommand implements Callable<Integer> {

    @Mixin
    PrinterTarget target;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "9600",
            description = "Baud rate of the receipt printer (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--qr", paramLabel = "MODE", defaultValue = "NATIVE",
            description = "QR as NATIVE (GS ( k) or RASTER (GS v 0, for printers without native QR). Default ${DEFAULT-VALUE}.")
    EscPosSettings.QrMode qrMode;

    @Option(names = "--status-timeout-ms", paramLabel = "MS", defaultValue = "500",
            description = "Wait for each status byte (default ${DEFAULT-VALUE} ms).")
    long statusTimeoutMs;

    @Spec
    CommandSpec spec;

    /** The test slip; the QR carries a short ASCII marker, never personal data. */
    static ReceiptSlip testSlip(String port, int baud, String stamp) {
        return new ReceiptSlip(List.of(
                new Text("打印测试 PRINT TEST", Size.DOUBLE, true, Align.CENTER),
                new Text("公共信用信息自助查询终端", Size.DOUBLE_HEIGHT, false, Align.CENTER),
                new ReceiptSlip.Rule(),
                Text.plain("端口 Port: " + port + " @ " + baud),
                Text.plain("时间 Time: " + stamp),
                new Text("粗体 Bold 加粗文字", Size.NORMAL, true, Align.LEFT),
                Text.plain("国标编码: 汉字 ￥¥0.00 ·《》（）"),
                new Text("右对齐 Right", Size.NORMAL, false, Align.RIGHT),
                new ReceiptSlip.Rule(),
                new ReceiptSlip.Qr("KIOSK-PRINT-TEST " + stamp),
                new Text("扫码应显示 KIOSK-PRINT-TEST", Size.NORMAL, false, Align.CENTER),
                new ReceiptSlip.Feed(2)));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> bad = PrinterTarget.validate(target);
        if (bad.isPresent()) {
            err.println("FAILED: " + bad.get());
            return PrinterTarget.CONFIGURATION;
        }
        String stamp = LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return target.receiptPort != null ? receipt(out, err, stamp) : a4(out, err, stamp);
    }

    private int receipt(PrintWriter out, PrintWriter err, String stamp) {
        try (ReceiptPrinter printer = PrinterTarget.receiptPrinter(target.receiptPort, baud, qrMode,
                Duration.ofMillis(statusTimeoutMs))) {
            printer.print(testSlip(target.receiptPort, baud, stamp));
            out.println("OK: test slip printed on " + target.receiptPort + " (" + qrMode + " QR); health "
                    + printer.health());
            if (printer.health().state() == DeviceState.DEGRADED) {
                out.println("WARNING: paper near end: replace the roll soon");
            }
            return PrinterTarget.OK;
        } catch (DeviceException e) {
            err.println("FAILED: receipt printer " + target.receiptPort + ": " + e.code() + ": "
                    + PrinterTarget.advice(e.code()));
            return PrinterTarget.exitCode(e);
        }
    }

    private int a4(PrintWriter out, PrintWriter err, String stamp) {
        try {
            ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of(target.printer));
            ReportPrinter.Printed p = printer.print(TestPage.render(target.printer, stamp), "kiosk print-test");
            out.println("OK: test page printed on " + target.printer + " (CUPS job "
                    + p.cupsJobId().orElse("?") + ", " + p.took().toMillis() + " ms)");
            return PrinterTarget.OK;
        } catch (PrintFailure e) {
            err.println("FAILED: A4 printer " + target.printer + ": " + e.code() + ": " + e.getMessage());
            return e.code() == PrintFailure.Code.QUEUE_MISSING ? PrinterTarget.CONFIGURATION : PrinterTarget.PRINTER_FAULT;
        } catch (IllegalArgumentException e) {
            err.println("FAILED: " + e.getMessage());
            return PrinterTarget.CONFIGURATION;
        }
    }
}
