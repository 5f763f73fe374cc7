package org.creditkiosk.device.scanner.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.scanner.QrScanner;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.QrScannerSimulator;
import org.creditkiosk.device.scanner.ScanEvent;

/**
 * Figures for the QR scanner driver (not a test; prints its results):
 * <ol>
 *   <li>throughput of framing and decoding, driver over an in-memory pipe (codes per second, MB/s);</li>
 *   <li>latency from the first byte on the wire to the event, over socat at 9600 and 115200 baud with the
 *       simulator paced at the line rate (median and worst of 20);</li>
 *   <li>time from replug to READY with the default backoff.</li>
 * </ol>
 * Run: {@code mvn -B -q -pl device-drivers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.creditkiosk.device.scanner.bench.QrScannerBench}
 */
public final class QrScannerBench {

    private static final String CODE = "XYYL1." + "eyJhbGciOiJFZERTQSJ9".repeat(6); // 126 chars, an app code

    public static void main(String[] args) throws Exception {
        throughput();
        if (SocatPair.available()) {
            latency(9600);
            latency(115_200);
            replug();
        } else {
            System.out.println("socat not installed: serial figures skipped");
        }
        System.exit(0);
    }

    private static void throughput() throws Exception {
        PipeLink[] ends = PipeLink.pair("bench");
        BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
        int n = 200_000;
        try (QrScanner scanner = new QrScanner(() -> ends[0], QrScannerSettings.defaults(), events::add);
             QrScannerSimulator sim = new QrScannerSimulator(ends[1], QrScannerSettings.defaults())) {
            scanner.open();
            long t0 = System.nanoTime();
            Thread feeder = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        sim.scan(CODE);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            feeder.start();
            for (int i = 0; i < n; i++) {
                events.take();
            }
            long ns = System.nanoTime() - t0;
            double mb = (double) n * (CODE.length() + 1) / 1e6;
            System.out.printf(Locale.ROOT, "throughput: %d codes of %d bytes in %.0f ms = %.0f codes/s, %.1f MB/s%n",
                    n, CODE.length() + 1, ns / 1e6, n / (ns / 1e9), mb / (ns / 1e9));
            feeder.join();
        }
    }

    private static void latency(int baud) throws Exception {
        SerialSettings line = SerialSettings.of8N1(baud);
        BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
        try (SocatPair pair = SocatPair.start();
             QrScanner scanner = QrScanner.serial(pair.hostPath(), line, QrScannerSettings.defaults(), events::add)) {
            scanner.open();
            waitFor(() -> scanner.health().state() == DeviceState.READY);
            try (QrScannerSimulator sim = new QrScannerSimulator(SerialPortLink.open(pair.devicePath(), line),
                    QrScannerSettings.defaults()).pacedAt(line)) {
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    sim.scan(CODE);
                    ScanEvent e = events.poll(5, TimeUnit.SECONDS);
                    if (!(e instanceof ScanEvent.Scanned)) {
                        throw new IllegalStateException("expected a scan, got " + e);
                    }
                    micros.add((System.nanoTime() - t0) / 1000);
                }
                Collections.sort(micros);
                double wire = line.nanosPerByte() * (CODE.length() + 1) / 1e6;
                System.out.printf(Locale.ROOT,
                        "latency at %d baud, %d-byte code: wire time %.1f ms, first byte to event median %.1f ms,"
                                + " worst %.1f ms%n",
                        baud, CODE.length() + 1, wire, micros.get(10) / 1000.0, micros.get(19) / 1000.0);
            }
        }
    }

    private static void replug() throws Exception {
        SerialSettings line = SerialSettings.of8N1(115_200);
        try (SocatPair pair = SocatPair.start();
             QrScanner scanner = QrScanner.serial(pair.hostPath(), line, QrScannerSettings.defaults(), e -> { })) {
            scanner.open();
            waitFor(() -> scanner.health().state() == DeviceState.READY);
            pair.unplug();
            long t0 = System.nanoTime();
            waitFor(() -> scanner.health().state() == DeviceState.OFFLINE);
            long offline = System.nanoTime() - t0;
            Thread.sleep(2000); // unplugged for 2 s: the backoff has grown
            pair.replug();
            long t1 = System.nanoTime();
            waitFor(() -> scanner.health().state() == DeviceState.READY);
            System.out.printf(Locale.ROOT, "unplug noticed after %.0f ms; READY %.0f ms after replug"
                    + " (after 2 s unplugged, backoff %s..%s)%n", offline / 1e6, (System.nanoTime() - t1) / 1e6,
                    QrScannerSettings.defaults().reopenBackoffMin(), QrScannerSettings.defaults().reopenBackoffMax());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }
}
