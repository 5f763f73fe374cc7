package org.creditkiosk.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.QrScannerSimulator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kiosk device scan} against the scanner simulator over a socat pseudo-terminal pair. */
class ScanCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new KioskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void printsTheNextCodeAndExitsZero() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        try (SocatPair pair = SocatPair.start();
             QrScannerSimulator sim = new QrScannerSimulator(
                     SerialPortLink.open(pair.devicePath(), SerialSettings.of8N1(9600)),
                     QrScannerSettings.defaults().withCharset(org.creditkiosk.device.scanner.ScanCharset.GB18030))) {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("device", "scan",
                    "--port", pair.hostPath(), "--timeout-ms", "10000", "--charset", "gb18030"));
            sim.binary(); // noted on stderr, not the answer (unless it arrives before the port is open)
            while (!exit.isDone()) {
                sim.scan("XYYL1.榆林");
                Thread.sleep(100);
            }
            assertThat(exit.get(1, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).isEqualTo("XYYL1.榆林" + System.lineSeparator());
        }
    }

    @Test
    void timeoutIsOneLineAndExitOne() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        try (SocatPair pair = SocatPair.start()) {
            assertThat(run("device", "scan", "--port", pair.hostPath(), "--timeout-ms", "300")).isEqualTo(1);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("scan: no code within 300 ms on " + pair.hostPath())
                    .hasLineCount(1);
        }
    }

    @Test
    void missingPortIsOneClearLineAndExitThree() {
        assertThat(run("device", "scan", "--port", "/dev/no-such-scanner")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("scan: no serial device at /dev/no-such-scanner"
                + " (check the cable and the device name)" + System.lineSeparator());
    }

    @Test
    void busyPortIsOneClearLineAndExitThree() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        try (SocatPair pair = SocatPair.start();
             SerialPortLink holder = SerialPortLink.open(pair.hostPath(), SerialSettings.of8N1(9600))) {
            int code = run("device", "scan", "--port", pair.hostPath(), "--timeout-ms", "300");
            assumeTrue(code != 1, "this kernel/jSerialComm lets two programs open one pty");
            assertThat(code).isEqualTo(3);
            assertThat(err.toString()).containsAnyOf("is busy", "another program holds the port").hasLineCount(1);
        } catch (LinkOpenException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("device", "scan")).isEqualTo(2);
        assertThat(run("device", "scan", "--port", "/dev/x", "--baud", "42")).isEqualTo(2);
        assertThat(err.toString()).contains("--port").contains("baud rate 42");
        assertThat(run("device", "scan", "--help")).isZero();
        assertThat(out.toString()).contains("--timeout-ms").contains("Exit codes");
    }
}
