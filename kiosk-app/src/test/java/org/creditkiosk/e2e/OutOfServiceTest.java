package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6, acceptance 3: platform down → out-of-service notice → platform back → service resumes by itself. */
class OutOfServiceTest {

    @Test
    void platformDownShowsOutOfServiceAndTheKioskComesBackByItself(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of("platform.watchIntervalS", "1", "platform.probeIntervalS", "1"))) {
            k.awaitScreen("attract", 10);
            var demo = k.runtime.demo().orElseThrow();
            demo.platform().setMaintenance(Optional.of(Duration.ofSeconds(30)));
            k.awaitScreen("out_of_service", 15);
            k.screenshot("10-out-of-service");
            assertThat(k.exists("#lists-button")).as("public services hidden while out of service").isFalse();

            demo.place(2); // a card on the reader is ignored while out of service
            Thread.sleep(1000);
            assertThat(k.runtime.controller().view().state().name()).isEqualTo("OUT_OF_SERVICE");
            demo.remove();

            demo.platform().setMaintenance(Optional.empty());
            k.awaitScreen("attract", 20);
            demo.place(2);
            k.awaitScreen("showing_record", 20);
        }
    }
}
