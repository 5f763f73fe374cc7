package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import org.creditkiosk.ops.CapturedLog;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ops.MaintenanceAudit;
import org.creditkiosk.ops.MaintenanceLockout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Hall staff hold the logo, give the PIN, see the devices and the platform, and put the kiosk back in service. */
class MaintenanceVisitTest {

    @Test
    void staffEnterWithThePinSeeTheStateAndLeave(@TempDir Path dir) throws Exception {
        try (CapturedLog audit = new CapturedLog(MaintenanceAudit.LOGGER);
             KioskHarness k = new KioskHarness(dir, Map.of("maintenance.pinHash", MaintenanceAccess.hash("246810"),
                "maintenance.holdMs", "1000"))) {
            k.awaitScreen("attract", 10);
            holdLogo(k);
            k.awaitText("#pin-pad", 5);
            type(k, "1111");
            fire(k, "#pin-ok");
            assertThat(k.text("#pin-message")).contains("密码错误");
            type(k, "246810");
            fire(k, "#pin-ok");
            k.awaitScreen("maintenance", 5);
            assertThat(k.exists("#pin-pad")).isFalse();
            assertThat(k.text("#maintenance-state-ID_CARD_READER")).isEqualTo("READY");
            assertThat(k.text("#maintenance-state-PLATFORM")).isEqualTo("UP");
            k.screenshot("15-maintenance");
            // a device that stops is seen without leaving the screen
            var demo = k.runtime.demo().orElseThrow();
            demo.readerSimulator().setFault(org.creditkiosk.device.idcard.IdCardReaderSimulator.Fault.SILENCE);
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> k.text("#maintenance-state-ID_CARD_READER").startsWith("OFFLINE"));
            demo.readerSimulator().clearFaults();
            fire(k, "#maintenance-test-REPORT_PRINTER");
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> k.text("#maintenance-result").startsWith("✓"));
            fire(k, "#maintenance-leave");
            k.awaitScreen("attract", 5);
            // Each thing staff did on the screen is one audit line, in order, without the PIN.
            assertThat(audit.messages()).containsExactly(
                    "maintenance: PIN wrong (1 of 5 before a lockout)",
                    "maintenance: entered with the PIN after 1 wrong PINs",
                    "maintenance: test page printed (✓ test page sent)",
                    "maintenance: left by staff (back to service)");
            assertThat(dir.resolve(MaintenanceLockout.FILE)).as("the entry's state is kept in the data folder").exists();
        }
    }

    private static void holdLogo(KioskHarness k) throws InterruptedException {
        k.robot.moveTo("#logo").press(MouseButton.PRIMARY);
        Thread.sleep(1300);
        k.robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(KioskHarness k, String digits) {
        for (char c : digits.toCharArray()) {
            fire(k, "#key-" + c);
        }
    }

    private static void fire(KioskHarness k, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> k.lookup(query, Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
