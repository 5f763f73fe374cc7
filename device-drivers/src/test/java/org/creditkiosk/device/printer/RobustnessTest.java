package org.creditkiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.link.PipeLink;
import org.junit.jupiter.api.Test;

/** Garbage into the simulator's parser and into the driver's status reader: typed outcomes, no crash, no hang. */
class RobustnessTest {

    @Test
    void theSimulatorSurvivesRandomAndTruncatedStreamsAndStillPrints() throws Exception {
        PipeLink[] pipe = PipeLink.pair("garbage");
        try (EscPosPrinterSimulator sim = new EscPosPrinterSimulator(pipe[1]).start()) {
            Random rnd = new Random(42);
            byte[] job = new EscPosEncoder(EscPosSettings.defaults()).encode(SlipFixtures.summary()).bytes();
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[rnd.nextInt(64)];
                rnd.nextBytes(junk);
                pipe[0].write(junk);
                pipe[0].write(java.util.Arrays.copyOf(job, rnd.nextInt(job.length)));   // truncated job
            }
            // Whatever state the garbage left (e.g. inside a long QR store), a healthy job eventually prints:
            // flush any pending parameter bytes with line feeds, then send the job.
            pipe[0].write(new byte[70_000]);
            pipe[0].write(job);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                found = sim.slips().stream().anyMatch(s -> s.toReceiptSlip(48)
                        .equals(SlipFixtures.printable(SlipFixtures.summary())));
                Thread.sleep(20);
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void answersThatAreNotStatusBytesAreAProtocolError() throws Exception {
        PipeLink[] pipe = PipeLink.pair("liar");
        Thread liar = new Thread(() -> {
            byte[] buf = new byte[64];
            try {
                while (true) {
                    if (pipe[1].read(buf, 0, buf.length, Duration.ofMillis(50)) > 0) {
                        pipe[1].write(new byte[] {(byte) 0xFF});   // (0xFF & 0x93) != 0x12
                    }
                }
            } catch (java.io.IOException e) {
                // closed
            }
        });
        liar.setDaemon(true);
        liar.start();
        ReceiptPrinterSettings s = new ReceiptPrinterSettings(Duration.ofMillis(100), 2, Duration.ofSeconds(5), 64,
                Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(100), EscPosSettings.defaults());
        try (ReceiptPrinter p = new ReceiptPrinter("liar", () -> pipe[0], s)) {
            assertThatThrownBy(() -> p.print(SlipFixtures.summary()))
                    .isInstanceOfSatisfying(DeviceException.Protocol.class,
                            e -> assertThat(e.code()).isEqualTo("PROTOCOL_ERROR"));
            assertThat(p.health().detail()).isEqualTo("PROTOCOL_ERROR");
        } finally {
            pipe[1].close();
        }
    }

    @Test
    void statusBytesWithoutTheFixedBitsAreRejected() {
        assertThat(PrinterStatus.isValid(0x12)).isTrue();
        assertThat(PrinterStatus.isValid(0x7E)).isTrue();
        assertThat(PrinterStatus.isValid(0x00)).isFalse();
        assertThat(PrinterStatus.isValid(0x13)).isFalse();
        PrinterStatus paperOut = new PrinterStatus(0x1A, 0x32, 0x12, 0x7E);
        assertThat(paperOut.fault()).contains("PAPER_OUT");
        assertThat(new PrinterStatus(0x1A, 0x16, 0x12, 0x12).fault()).contains("COVER_OPEN");
        assertThat(new PrinterStatus(0x12, 0x12, 0x12, 0x1E).fault()).isEmpty();
    }
}
