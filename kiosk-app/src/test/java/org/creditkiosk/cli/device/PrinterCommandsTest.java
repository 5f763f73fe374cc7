package org.creditkiosk.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.printer.EscPosPrinterSimulator.Fault;
import org.creditkiosk.device.printer.PrintedSlip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The technician commands against the ESC/POS simulator over socat pseudo-terminals. */
class PrinterCommandsTest {

    private SocatPair pair;
    private EscPosPrinterSimulator sim;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        pair = SocatPair.start();
        sim = new EscPosPrinterSimulator(SerialPortLink.open(pair.devicePath(), SerialSettings.of8N1(115200))).start();
    }

    @AfterEach
    void unplug() {
        if (sim != null) {
            sim.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private int kiosk(String... args) {
        CommandLine cl = new CommandLine(new KioskCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printTestPrintsEverythingASlipUses() throws Exception {
        int rc = kiosk("device", "print-test", "--receipt-port", pair.hostPath(), "--baud", "115200");
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: test slip printed on " + pair.hostPath());
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        PrintedSlip slip = sim.slips().get(0);
        assertThat(slip.textLines()).contains("打印测试 PRINT TEST", "国标编码: 汉字 ￥￥0.00 ·《》（）");
        assertThat(slip.items()).anySatisfy(i -> assertThat(i).isInstanceOfSatisfying(PrintedSlip.Line.class,
                l -> assertThat(l.bold()).isTrue()));
        assertThat(slip.qrPayloads()).singleElement().asString().startsWith("KIOSK-PRINT-TEST ");
        assertThat(sim.fourByteSequences()).isZero();
    }

    @Test
    void rasterQrOption() throws Exception {
        assertThat(kiosk("device", "print-test", "--receipt-port", pair.hostPath(), "--baud", "115200",
                "--qr", "raster")).as(err.toString()).isZero();
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        assertThat(sim.slips().get(0).qrPayloads()).singleElement().asString().startsWith("KIOSK-PRINT-TEST ");
    }

    @Test
    void paperOutFailsWithOneClearLine() {
        sim.setFault(Fault.PAPER_OUT);
        assertThat(kiosk("device", "print-test", "--receipt-port", pair.hostPath(), "--baud", "115200")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("FAILED: receipt printer " + pair.hostPath()
                + ": PAPER_OUT: paper out: load a new roll and close the cover");
        assertThat(sim.slips()).isEmpty();
    }

    @Test
    void noAnswerAndMissingPortFailWithExitCode3() {
        sim.setFault(Fault.NO_ANSWER);
        assertThat(kiosk("device", "print-test", "--receipt-port", pair.hostPath(), "--baud", "115200",
                "--status-timeout-ms", "200")).isEqualTo(3);
        assertThat(err.toString()).contains("NO_RESPONSE: no answer to status queries");
        assertThat(kiosk("device", "printer-status", "--receipt-port", "/dev/no-such-kiosk-port")).isEqualTo(3);
        assertThat(err.toString()).contains("DISCONNECTED");
    }

    @Test
    void printerStatusDecodesTheFourBytes() {
        sim.setFault(Fault.PAPER_NEAR_END);
        assertThat(kiosk("device", "printer-status", "--receipt-port", pair.hostPath(), "--baud", "115200")).isZero();
        assertThat(out.toString()).contains("n1=12 n2=12 n3=12 n4=1E", "NEAR END", "verdict          : READY, PAPER_LOW");

        sim.setFault(Fault.COVER_OPEN);
        assertThat(kiosk("device", "printer-status", "--receipt-port", pair.hostPath(), "--baud", "115200"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("cover            : OPEN", "verdict          : COVER_OPEN");
    }

    @Test
    void a4QueueThatDoesNotExistIsAConfigurationError() {
        assertThat(kiosk("device", "print-test", "--printer", "NoSuchKioskQueue")).isEqualTo(4);
        assertThat(err.toString()).contains("QUEUE_MISSING");
        assertThat(kiosk("device", "print-test", "--printer", "X", "--receipt-port", "/dev/null")).isEqualTo(4);
    }
}
