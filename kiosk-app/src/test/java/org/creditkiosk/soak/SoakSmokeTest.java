package org.creditkiosk.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak of the suite (issue 14): random visits with device and platform faults through the whole demo kiosk
 * and its screens; no crash, no stuck state, no citizen data left, every platform session closed, threads flat.
 * The long runs are {@code packaging/bench/soak.sh} (docs/benchmarks.md).
 */
class SoakSmokeTest {

    @Test
    void randomVisitsWithFaultsLeaveAWorkingKiosk(@TempDir Path dir) throws Exception {
        Soak.Result r = new Soak(Integer.getInteger("kiosk.soak.visits", 12), true, 20261201L, true)
                .privacy(Soak.Privacy.HEAP).platformProcess(true).run(dir);
        System.out.println("soak " + r.json());
        assertThat(r.problems()).isEmpty();
        assertThat(r.privacyHits()).as("no name, identity number or address in logs, heartbeats, files or the kiosk's heap").isEmpty();
        assertThat(r.crashes()).isZero();
        assertThat(r.stuckStates()).isZero();
        assertThat(r.threadsEnd()).as("threads flat").isLessThanOrEqualTo(r.threadsStart() + 3);
        assertThat(r.noticesByCode()).as("the faults were met and explained").isNotEmpty();
    }
}
