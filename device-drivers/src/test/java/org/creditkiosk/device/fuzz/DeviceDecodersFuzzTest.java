package org.creditkiosk.device.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creditkiosk.device.idcard.IdCardFuzzTargets;
import org.creditkiosk.device.printer.PrinterFuzzTargets;
import org.creditkiosk.device.scanner.ScannerFuzzTargets;
import org.junit.jupiter.api.Test;

/**
 * The fuzz smoke of the device decoders (a few seconds in the suite; the long runs are {@code FuzzMain} in
 * kiosk-app, docs/benchmarks.md): every mutated input ends in a typed outcome, never a crash.
 */
class DeviceDecodersFuzzTest {

    static List<FuzzTarget> targets() {
        return List.of(IdCardFuzzTargets.frames(), IdCardFuzzTargets.cardText(), PrinterFuzzTargets.statusBytes(),
                ScannerFuzzTargets.framing());
    }

    @Test
    void mutatedInputsEndInTypedOutcomes() {
        for (FuzzTarget t : targets()) {
            Fuzz.Report r = Fuzz.run(t, 200_000, 20261201L, 1_000);
            System.out.println("fuzz " + r.json());
            assertThat(r.crashes()).as(t.name()).isEmpty();
            assertThat(r.inputs()).as(t.name()).isGreaterThan(1_000);
            assertThat(r.outcomes().size()).as(t.name() + " reaches more than one outcome").isGreaterThan(1);
        }
    }
}
