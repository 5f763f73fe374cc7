package org.creditkiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import org.creditkiosk.device.DeviceException;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosPrinterSimulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receipt printer driver against the ESC/POS simulator over real pseudo-terminals (socat + jSerialComm). */
class ReceiptPrinterSerialTest {

    private static final SerialSettings LINE = SerialSettings.of8N1(115200);

    private SocatPair pair;
    private EscPosPrinterSimulator sim;
    private ReceiptPrinter printer;

    @BeforeEach
    void plugIn() throws IOException {
        assumeTrue(SocatPair.available(), "socat is not installed");
        pair = SocatPair.start();
        sim = new EscPosPrinterSimulator(SerialPortLink.open(pair.devicePath(), LINE)).start();
    }

    @AfterEach
    void unplug() {
        if (printer != null) {
            printer.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private ReceiptPrinter printer(EscPosSettings escPos) {
        ReceiptPrinterSettings s = new ReceiptPrinterSettings(Duration.ofMillis(300), 2, Duration.ofSeconds(10), 64,
                Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(400), escPos);
        String path = pair.hostPath();
        printer = new ReceiptPrinter(path, () -> SerialPortLink.open(path, LINE), s);
        printer.open();
        return printer;
    }

    @Test
    void slipsAreParsedBackIntoTheSameLinesAndQrWithNoFourByteGbSequence() throws Exception {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        p.print(SlipFixtures.summary());
        p.print(SlipFixtures.outsideGbk());
        assertThat(sim.awaitSlips(2, Duration.ofSeconds(5))).isTrue();

        PrintedSlip first = sim.slips().get(0);
        assertThat(first.cut()).isTrue();
        assertThat(first.toReceiptSlip(48)).isEqualTo(SlipFixtures.printable(SlipFixtures.summary()));
        assertThat(first.textLines()).contains("打印费用: ￥0.00 (免费) · 有效期 30 天");
        assertThat(first.qrPayloads()).containsExactly("https://credit.example.gov.cn/v/R2026-0001234");
        assertThat(first.items()).filteredOn(i -> i instanceof PrintedSlip.Qr)
                .singleElement().satisfies(q -> {
                    assertThat(((PrintedSlip.Qr) q).model()).isEqualTo(50);   // Model 2
                    assertThat(((PrintedSlip.Qr) q).align()).isEqualTo(ReceiptSlip.Align.CENTER);
                });
        assertThat(sim.slips().get(1).textLines()).containsExactly("金额 ￥12.50 · 合计", "罕见字 ? 表情 ? €");

        // The whole native-QR stream holds text and ASCII QR data only: scan every byte.
        byte[] all = sim.received();
        assertThat(GbText.countFourByteSequences(all, 0, all.length)).isZero();
        assertThat(sim.fourByteSequences()).isZero();
        assertThat(sim.unknownCommands()).isZero();
        assertThat(p.health().state()).isEqualTo(DeviceState.READY);
        assertThat(sim.statusQueries()).isGreaterThanOrEqualTo(8);   // 4 before and 4 after each job at least
    }

    @Test
    void rasterQrFallbackDecodesToTheSamePayload() throws Exception {
        ReceiptPrinter p = printer(EscPosSettings.defaults().withQrMode(EscPosSettings.QrMode.RASTER));
        p.print(SlipFixtures.summary());
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        PrintedSlip slip = sim.slips().get(0);
        assertThat(slip.toReceiptSlip(48)).isEqualTo(SlipFixtures.printable(SlipFixtures.summary()));
        PrintedSlip.Image img = (PrintedSlip.Image) slip.items().stream()
                .filter(i -> i instanceof PrintedSlip.Image).findFirst().orElseThrow();
        assertThat(img.raster().widthDots()).isLessThanOrEqualTo(576);
        assertThat(sim.fourByteSequences()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "PAPER_OUT,    Offline, PAPER_OUT",
        "COVER_OPEN,   Offline, COVER_OPEN",
        "CUTTER_ERROR, Failure, ERROR",
        "OFFLINE,      Failure, ERROR",
        "NO_ANSWER,    Timeout, NO_RESPONSE"
    })
    void eachFaultGivesItsTypedOutcomeAndHealth(Fault fault, String type, String code) {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        sim.setFault(fault);
        assertThatThrownBy(() -> p.print(SlipFixtures.summary()))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(e.code()).isEqualTo(code);
                });
        assertThat(p.health().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(p.health().detail()).isEqualTo(code);
        assertThat(sim.slips()).isEmpty();
    }

    @Test
    void paperNearEndPrintsAndDegrades() throws Exception {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        sim.setFault(Fault.PAPER_NEAR_END);
        p.print(SlipFixtures.summary());
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        assertThat(p.health().state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(p.health().detail()).isEqualTo("PAPER_LOW");
        assertThat(p.readStatus().paperNearEnd()).isTrue();
    }

    @Test
    void aJobInterruptedByPaperOutIsPrintedExactlyOnceAfterTheFaultClears() throws Exception {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        sim.failAfterLines(Fault.PAPER_OUT, 3);
        assertThatThrownBy(() -> p.print(SlipFixtures.summary()))
                .isInstanceOfSatisfying(DeviceException.Offline.class,
                        e -> assertThat(e.code()).isEqualTo("PAPER_OUT"));
        assertThat(p.health().detail()).isEqualTo("PAPER_OUT");
        assertThat(sim.slips()).isEmpty();

        sim.setFault(Fault.NONE);   // staff load a new roll
        assertThat(p.readStatus().fault()).isEmpty();
        assertThat(p.health().state()).isEqualTo(DeviceState.READY);
        p.print(SlipFixtures.summary());

        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        assertThat(sim.slips()).hasSize(1);
        assertThat(sim.slips().get(0).toReceiptSlip(48)).isEqualTo(SlipFixtures.printable(SlipFixtures.summary()));
        assertThat(sim.abandonedSlips()).singleElement()
                .satisfies(s -> assertThat(s.textLines()).hasSize(3));
    }

    @ParameterizedTest(name = "{0} mid-job -> {1}")
    @CsvSource({"COVER_OPEN, COVER_OPEN", "OFFLINE, ERROR"})
    void aFaultMidJobStopsTheJobWithItsCode(Fault fault, String code) {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        sim.failAfterLines(fault, 2);
        assertThatThrownBy(() -> p.print(SlipFixtures.summary()))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains("the slip is incomplete");
                });
        assertThat(p.health().toString()).isEqualTo("OFFLINE(" + code + ")");
        assertThat(sim.slips()).isEmpty();
    }

    @Test
    void unplugGivesDisconnectedAndTheDriverReopensAfterReplug() throws Exception {
        ReceiptPrinter p = printer(EscPosSettings.defaults());
        p.print(SlipFixtures.outsideGbk());
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();

        sim.close();
        pair.unplug();
        assertThatThrownBy(() -> p.print(SlipFixtures.summary()))
                .isInstanceOfSatisfying(DeviceException.Offline.class,
                        e -> assertThat(e.code()).isEqualTo(ReceiptPrinter.DISCONNECTED));
        assertThat(p.health().detail()).isEqualTo(ReceiptPrinter.DISCONNECTED);

        pair.replug();
        sim = new EscPosPrinterSimulator(SerialPortLink.open(pair.devicePath(), LINE)).start();
        p.print(SlipFixtures.summary());
        assertThat(sim.awaitSlips(1, Duration.ofSeconds(5))).isTrue();
        assertThat(p.health().state()).isEqualTo(DeviceState.READY);
    }
}
