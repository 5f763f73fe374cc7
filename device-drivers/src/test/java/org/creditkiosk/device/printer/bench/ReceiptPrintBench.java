package org.creditkiosk.device.printer.bench;

import java.time.Duration;
import java.util.Arrays;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosEncoder;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.printer.EscPosSettings;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import org.creditkiosk.device.printer.ReceiptSlip;
import org.creditkiosk.device.printer.SlipFixtures;

/**
 * Figures for the receipt printer: encoding cost and size of the sample slip (native and raster QR), and one slip
 * end to end over a socat pseudo-terminal pair (status before/between/after, bytes, simulator parse). Pseudo-terminals
 * do not pace bytes at the baud rate: the end-to-end figure is driver + status round trips, not paper time.
 * Run: {@code mvn -B -q -pl device-drivers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.creditkiosk.device.printer.bench.ReceiptPrintBench}
 */
public final class ReceiptPrintBench {

    private ReceiptPrintBench() {
    }

    public static void main(String[] args) throws Exception {
        ReceiptSlip slip = SlipFixtures.summary();
        for (EscPosSettings.QrMode mode : EscPosSettings.QrMode.values()) {
            EscPosEncoder enc = new EscPosEncoder(EscPosSettings.defaults().withQrMode(mode));
            int bytes = enc.encode(slip).size();
            for (int i = 0; i < 2000; i++) {
                enc.encode(slip);
            }
            int n = 5000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                enc.encode(slip);
            }
            double us = (System.nanoTime() - t0) / 1000.0 / n;
            System.out.printf("encode %-6s QR: %6d bytes/slip, %8.1f us/slip, wire time at 9600 baud %.2f s, "
                    + "at 115200 %.3f s%n", mode, bytes, us, bytes * 10 / 9600.0, bytes * 10 / 115200.0);
        }
        if (!SocatPair.available()) {
            System.out.println("socat missing: end-to-end figures skipped");
            return;
        }
        SerialSettings line = SerialSettings.of8N1(115200);
        try (SocatPair pair = SocatPair.start();
             EscPosPrinterSimulator sim = new EscPosPrinterSimulator(SerialPortLink.open(pair.devicePath(), line)).start()) {
            String host = pair.hostPath();
            for (EscPosSettings.QrMode mode : EscPosSettings.QrMode.values()) {
                ReceiptPrinterSettings s = ReceiptPrinterSettings.defaults().withPollInterval(Duration.ofHours(1))
                        .withEscPos(EscPosSettings.defaults().withQrMode(mode));
                try (ReceiptPrinter p = new ReceiptPrinter(host, () -> SerialPortLink.open(host, line), s)) {
                    int runs = 30;
                    long[] ms = new long[runs];
                    int before = sim.slips().size();
                    for (int i = 0; i < runs + 5; i++) {
                        long t0 = System.nanoTime();
                        p.print(slip);
                        if (i >= 5) {
                            ms[i - 5] = (System.nanoTime() - t0) / 1000;
                        }
                    }
                    sim.awaitSlips(before + runs + 5, Duration.ofSeconds(10));
                    Arrays.sort(ms);
                    System.out.printf("print  %-6s QR over socat pty: median %.1f ms, p90 %.1f ms, max %.1f ms "
                                    + "(%d slips, %d status queries so far)%n", mode, ms[runs / 2] / 1000.0,
                            ms[runs * 9 / 10] / 1000.0, ms[runs - 1] / 1000.0, runs, sim.statusQueries());
                }
            }
        }
    }
}
