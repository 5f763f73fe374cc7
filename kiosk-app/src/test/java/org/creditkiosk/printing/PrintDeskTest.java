package org.creditkiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.printer.EscPosPrinterSimulator.Fault;
import org.creditkiosk.device.printer.EscPosSettings;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import org.creditkiosk.device.printer.ReceiptSlip;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintDeskTest {

    private final List<String> attention = new ArrayList<>();
    private final List<String> tallied = new ArrayList<>();
    private EscPosPrinterSimulator sim;
    private ReceiptPrinter receiptPrinter;
    private FakeReportChannel a4;
    private PrintDesk desk;

    @BeforeEach
    void setUp() {
        PipeLink[] pipe = PipeLink.pair("receipt");
        sim = new EscPosPrinterSimulator(pipe[1]).start();
        ReceiptPrinterSettings s = new ReceiptPrinterSettings(Duration.ofMillis(200), 2, Duration.ofSeconds(10), 64,
                Duration.ofSeconds(60), Duration.ofMillis(50), Duration.ofMillis(200), EscPosSettings.defaults());
        receiptPrinter = new ReceiptPrinter("pipe", () -> pipe[0], s);
        a4 = new FakeReportChannel();
        desk = new PrintDesk(a4, PrintChannel.receipt(receiptPrinter), (id, code) -> attention.add(id + " " + code),
                (receipt, reprint) -> tallied.add((receipt ? "receipt" : "report") + (reprint ? " reprint" : "")));
    }

    @AfterEach
    void tearDown() {
        receiptPrinter.close();
        sim.close();
    }

    private static ReceiptSlip slip() {
        List<ReceiptSlip.Element> e = new ArrayList<>();
        e.add(new ReceiptSlip.Text("公共信用信息概要", ReceiptSlip.Size.DOUBLE, true, ReceiptSlip.Align.CENTER));
        for (int i = 1; i <= 8; i++) {
            e.add(ReceiptSlip.Text.plain("第 " + i + " 行 line " + i));
        }
        e.add(new ReceiptSlip.Qr("https://credit.example.gov.cn/v/R1"));
        return new ReceiptSlip(e);
    }

    @Test
    void aSlipInterruptedByPaperOutIsHeldAndPrintedExactlyOnceAfterTheFaultClears() throws Exception {
        PrintJob.Receipt job = new PrintJob.Receipt("R1", slip());
        sim.failAfterLines(Fault.PAPER_OUT, 4);

        assertThat(desk.print(job)).isEqualTo(new PrintOutcome.Held("SLIP:R1", PrintFailure.Code.PAPER_OUT));
        assertThat(attention).containsExactly("SLIP:R1 PAPER_OUT");
        assertThat(desk.held()).containsExactly(
                new PrintDesk.HeldJob("SLIP:R1", "R1", PrintFailure.Code.PAPER_OUT, true));

        // The citizen presses "reprint" before staff loaded paper: nothing is sent, the reprint stays available.
        assertThat(desk.reprint("SLIP:R1")).isEqualTo(new PrintOutcome.NotReady("SLIP:R1", PrintFailure.Code.PAPER_OUT));
        assertThat(desk.print(job)).isInstanceOf(PrintOutcome.Held.class);

        sim.setFault(Fault.NONE);
        assertThat(desk.reprint("SLIP:R1")).isEqualTo(new PrintOutcome.Printed("SLIP:R1"));
        assertThat(desk.reprint("SLIP:R1")).isEqualTo(new PrintOutcome.AlreadyPrinted("SLIP:R1"));
        assertThat(desk.print(new PrintJob.Receipt("R1", slip()))).isEqualTo(new PrintOutcome.AlreadyPrinted("SLIP:R1"));

        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        Thread.sleep(100);   // a duplicate would have been cut by now: the job queue is empty
        assertThat(sim.slips()).hasSize(1);
        assertThat(sim.slips().get(0).textLines()).hasSize(9);
        assertThat(sim.abandonedSlips()).singleElement().satisfies(s -> assertThat(s.textLines()).hasSize(4));
        assertThat(desk.held()).isEmpty();
        assertThat(tallied).as("counted once, as the reprint that came out").containsExactly("receipt reprint");
    }

    @Test
    void aReprintThatFailsAgainIsNotOfferedTwice() {
        PrintJob.Report job = new PrintJob.Report("R2", new byte[] {'%', 'P', 'D', 'F', '-'});
        a4.failWith = Optional.of(PrintFailure.Code.COVER_OPEN);
        assertThat(desk.print(job)).isEqualTo(new PrintOutcome.Held("A4:R2", PrintFailure.Code.COVER_OPEN));
        a4.faultNow = Optional.empty();
        a4.failWith = Optional.of(PrintFailure.Code.OFFLINE);
        assertThat(desk.reprint("A4:R2")).isEqualTo(new PrintOutcome.ReprintUsed("A4:R2", PrintFailure.Code.OFFLINE));
        assertThat(desk.reprint("A4:R2")).isInstanceOf(PrintOutcome.ReprintUsed.class);
        assertThat(a4.printed).isEqualTo(0);
        assertThat(a4.attempts).isEqualTo(2);
        assertThat(desk.held()).singleElement().satisfies(h -> assertThat(h.reprintAvailable()).isFalse());
        assertThat(tallied).as("nothing came out").isEmpty();
    }

    @Test
    void aMissingQueueIsNotKeptAndTheSessionEndWipesEverything() {
        a4.failWith = Optional.of(PrintFailure.Code.QUEUE_MISSING);
        assertThat(desk.print(new PrintJob.Report("R3", new byte[] {1})))
                .isEqualTo(new PrintOutcome.Failed("A4:R3", PrintFailure.Code.QUEUE_MISSING));
        assertThat(desk.held()).isEmpty();

        byte[] pdf = {'%', 'P', 'D', 'F'};
        PrintJob.Report held = new PrintJob.Report("R4", pdf);
        a4.failWith = Optional.of(PrintFailure.Code.PAPER_OUT);
        desk.print(held);
        assertThat(desk.held()).hasSize(1);
        desk.wipe();
        assertThat(desk.held()).isEmpty();
        assertThat(held.pdf()).containsOnly(0);
        assertThat(desk.reprint("A4:R4")).isEqualTo(new PrintOutcome.Unknown("A4:R4"));
    }

    @Test
    void theDailyQuotaIsThePlatformsCodeSurfaced() {
        var e = new PlatformException.Api(429, "PRINT_QUOTA_EXCEEDED", "quota", Optional.of("req-1"), Optional.empty());
        assertThat(PrintDesk.refusal("A4:R5", e))
                .contains(new PrintOutcome.Refused("A4:R5", ErrorCode.PRINT_QUOTA_EXCEEDED));
        var other = new PlatformException.Api(409, "RECORD_CHANGED", "x", Optional.empty(), Optional.empty());
        assertThat(PrintDesk.refusal("A4:R5", other)).isEmpty();
    }

    /** An A4 printer whose failures the test chooses. */
    private static final class FakeReportChannel implements PrintChannel {
        Optional<PrintFailure.Code> failWith = Optional.empty();
        Optional<PrintFailure.Code> faultNow = Optional.empty();
        int attempts;
        int printed;

        @Override
        public void print(PrintJob job) throws PrintFailure {
            attempts++;
            if (failWith.isPresent()) {
                faultNow = failWith;
                throw new PrintFailure(failWith.get(), "test");
            }
            printed++;
        }

        @Override
        public Optional<PrintFailure.Code> fault() {
            return faultNow;
        }
    }
}
