package org.creditkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against its simulator over real pseudo-terminals (socat) through jSerialComm. */
class QrScannerTest {

    private static final SerialSettings LINE = SerialSettings.of8N1(115_200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
    private SocatPair pair;
    private QrScanner scanner;
    private QrScannerSimulator sim;

    private QrScannerSettings settings() {
        return QrScannerSettings.defaults().withReopenBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private void start(QrScannerSettings s) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        pair = SocatPair.start();
        scanner = QrScanner.serial(pair.hostPath(), LINE, s, events::add);
        scanner.open();
        await(() -> scanner.health().state() == DeviceState.READY, "scanner READY");
        sim = new QrScannerSimulator(SerialPortLink.open(pair.devicePath(), LINE), s);
    }

    @AfterEach
    void tearDown() {
        if (scanner != null) {
            scanner.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private ScanEvent next() throws InterruptedException {
        ScanEvent e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("an event within " + WAIT).isNotNull();
        return e;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void codesArriveDecodedWithAffixesStrippedAndTheOpenCommandIsSent() throws Exception {
        QrScannerSettings s = settings().withTerminator(ScanTerminator.CRLF).withCharset(ScanCharset.GB18030)
                .withAffixes("]Q1", "").withCommands(CommandBytes.hex("16 4D 0D"), CommandBytes.hex("16 54 0D"));
        start(s);
        assertThat(scanner.kind()).isEqualTo(DeviceKind.QR_SCANNER);
        assertThat(sim.awaitReceived(3, WAIT)).containsExactly(0x16, 0x4D, 0x0D);
        scanner.trigger();
        assertThat(sim.awaitReceived(3, WAIT)).containsExactly(0x16, 0x54, 0x0D);

        sim.scan("XYYL1.eyJhbGciOiJFZERTQSJ9");
        sim.scan("榆林市公共信用");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("XYYL1.eyJhbGciOiJFZERTQSJ9"));
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("榆林市公共信用"));
        assertThat(scanner.statistics().scanned()).isEqualTo(2);
    }

    @Test
    void eachFaultModeGetsItsTypedOutcomeAndTheNextCodeReadsClean() throws Exception {
        start(settings());

        sim.noise(40);
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.UNTERMINATED));
        sim.scan("after-noise");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("after-noise"));

        sim.scanOverLimit(100);
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.TOO_LONG));
        sim.scan("after-overlong");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("after-overlong"));

        sim.scanWithoutTerminator("XYYL1.cut-short");
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.UNTERMINATED));

        sim.binary();
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.BINARY));
        assertThat(scanner.health().state()).as("two rejects in a row are not yet garbled").isEqualTo(DeviceState.READY);
        sim.binary();
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.BINARY));
        assertThat(scanner.health().toString()).isEqualTo("DEGRADED(GARBLED_INPUT)");

        sim.scan("after-binary");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("after-binary"));
        assertThat(scanner.health().state()).isEqualTo(DeviceState.READY);
        assertThat(scanner.statistics().rejected()).isEqualTo(5);
    }

    @Test
    void endlessStreamWithoutTerminatorKeepsTheDriverBufferBounded() throws Exception {
        QrScannerSettings s = settings();
        start(s);
        int limit = s.maxLength() + 1;
        AtomicInteger observedMax = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                observedMax.accumulateAndGet(scanner.bufferedBytes(), Math::max);
                Thread.yield();
            }
        });
        watcher.start();
        sim.streamWithoutTerminator(2_000_000);
        await(() -> scanner.statistics().discardedBytes() >= 2_000_000 - limit, "stream consumed");
        watcher.interrupt();
        watcher.join();
        assertThat(observedMax.get()).isLessThanOrEqualTo(limit);
        assertThat(scanner.statistics().peakBufferedBytes()).isLessThanOrEqualTo(limit);
        assertThat(next()).isEqualTo(new ScanEvent.Rejected(ScanOutcome.TOO_LONG));
        sim.scan(""); // the terminator that ends the overlong frame; nothing before it is delivered
        sim.scan("still-alive");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("still-alive"));
        assertThat(events).isEmpty();
    }

    @Test
    void unplugIsNoticedAndTheScannerComesBackAfterReplug() throws Exception {
        start(settings());
        sim.scan("before");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("before"));

        pair.unplug();
        sim.unplug();
        await(() -> scanner.health().state() == DeviceState.OFFLINE, "OFFLINE after unplug");
        Thread.sleep(300); // a few failed reopen attempts with backoff
        assertThat(scanner.health().state()).isEqualTo(DeviceState.OFFLINE);

        pair.replug();
        sim.attach(SerialPortLink.open(pair.devicePath(), LINE));
        await(() -> scanner.health().state() == DeviceState.READY, "READY after replug");
        sim.scan("after");
        assertThat(next()).isEqualTo(new ScanEvent.Scanned("after"));
        assertThat(scanner.statistics().reopens()).isGreaterThanOrEqualTo(1);
        scanner.close();
        assertThat(scanner.health().state()).isEqualTo(DeviceState.DISABLED);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("qr-scanner") && t.isAlive());
    }

    @Test
    void closeLeavesNoThreadEvenWhileThePortIsMissing() throws Exception {
        QrScanner absent = QrScanner.serial("/dev/no-such-scanner", LINE, settings(), events::add);
        absent.open();
        absent.open(); // idempotent
        await(() -> "PORT_NOT_FOUND".equals(absent.health().detail()), "PORT_NOT_FOUND");
        absent.close();
        absent.close();
        assertThat(absent.health().state()).isEqualTo(DeviceState.DISABLED);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("qr-scanner") && t.isAlive());
    }

    @Test
    void simulatorOverAPipeLinkDrivesTheSameDriver() throws Exception {
        PipeLink[] ends = PipeLink.pair("scanner");
        QrScanner piped = new QrScanner(() -> ends[0], settings(), events::add);
        try (QrScannerSimulator peer = new QrScannerSimulator(ends[1], settings())) {
            piped.open();
            peer.scan("over-a-pipe");
            ScanEvent e = next();
            assertThat(e).isEqualTo(new ScanEvent.Scanned("over-a-pipe"));
            assertThat(e.toString()).as("no code content in logs").isEqualTo("Scanned[11 chars]");
        } finally {
            piped.close();
        }
    }
}
