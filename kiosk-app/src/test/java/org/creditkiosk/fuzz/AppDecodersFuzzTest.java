package org.creditkiosk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditkiosk.device.fuzz.Fuzz;
import org.creditkiosk.device.fuzz.FuzzTarget;
import org.junit.jupiter.api.Test;

/**
 * The fuzz smoke of the kiosk's decoders (about a second each in the suite; {@link FuzzMain} is the long run):
 * scanned codes, every platform answer type, signed bundles and their payloads, properties files: every mutated
 * input ends in a typed outcome, never a crash.
 */
class AppDecodersFuzzTest {

    @Test
    void mutatedInputsEndInTypedOutcomes() throws Exception {
        for (FuzzTarget t : AppFuzzTargets.all()) {
            Fuzz.Report r = Fuzz.run(t, 100_000, 20261201L, 500);
            System.out.println("fuzz " + r.json());
            assertThat(r.crashes()).as(t.name()).isEmpty();
            assertThat(r.inputs()).as(t.name()).isGreaterThan(100);
            assertThat(r.outcomes().size()).as(t.name() + " reaches more than one outcome").isGreaterThan(1);
        }
    }
}
