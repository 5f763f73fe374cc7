package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A reader that stops answering is noticed, explained on the attract screen, and forgotten when it recovers. */
class DeviceFailureTest {

    @Test
    void silentReaderShowsANoticeAndTheKioskRecoversByItself(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            demo.readerSimulator().setFault(IdCardReaderSimulator.Fault.SILENCE);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> k.runtime.controller().view().unavailableDevices().contains(DeviceKind.ID_CARD_READER));
            k.awaitText("#warning-banner", 5);
            k.screenshot("14-reader-unavailable");
            assertThat(k.allTexts()).anyMatch(t -> t.contains("读卡器暂时无法使用"));

            demo.readerSimulator().clearFaults();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> k.runtime.controller().view().unavailableDevices().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(k.exists("#warning-banner")).isFalse();
            demo.placeNumber("610881197804120030");
            k.awaitScreen("showing_record", 20);
        }
    }
}
