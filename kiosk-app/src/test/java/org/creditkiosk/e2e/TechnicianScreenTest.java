package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.ops.CapturedLog;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ops.MaintenanceAudit;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11: the maintenance screen is the technician's screen. Each device shows where it is connected, its state
 * and its last fault; each has a test (read a card: masked; print a test slip; scan a code: described; the A4 test
 * page) and a reconnect; a fault is seen, then fixed by a reconnect; the visit counters and facts are there. Every
 * test and reconnect is one audit line; no citizen session starts while the technician tests the reader.
 */
class TechnicianScreenTest {

    private static final String CARD = "610802198503150016";

    @Test
    void eachDeviceHasItsTestAndItsReconnect(@TempDir Path dir) throws Exception {
        try (CapturedLog audit = new CapturedLog(MaintenanceAudit.LOGGER);
             KioskHarness k = new KioskHarness(dir, Map.of("maintenance.pinHash", MaintenanceAccess.hash("246810"),
                     "maintenance.holdMs", "1000"))) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            enter(k);
            assertThat(k.text("#maintenance-where-ID_CARD_READER")).contains("115200 baud");
            assertThat(k.text("#maintenance-last-ID_CARD_READER")).isEqualTo("启动以来无故障");
            assertThat(k.text("#maintenance-where-PLATFORM")).startsWith("http://127.0.0.1:");
            assertThat(String.join(" ", k.allTexts())).contains("version ").contains("configuration bundle v");

            // read a card: the masked number, and no session for it
            fire(k, "#maintenance-test-ID_CARD_READER");
            assertThat(k.text("#maintenance-result")).contains("20 秒内放上一张身份证");
            demo.placeNumber(CARD);
            awaitResult(k, "✓ card read: 610802********0016");
            assertThat(k.runtime.controller().view().state()).isEqualTo(SessionState.MAINTENANCE);
            assertThat(k.runtime.controller().view().person()).isEmpty();
            KioskHarness.assertNoneContains(k.allTexts(), CARD);
            demo.remove();

            // print a test slip
            int slips = demo.receiptPrinter().slips().size();
            fire(k, "#maintenance-test-RECEIPT_PRINTER");
            awaitResult(k, "✓ test slip printed");
            assertThat(demo.receiptPrinter().awaitSlips(slips + 1, Duration.ofSeconds(10))).isTrue();

            // scan a code: described, not acted on
            int other = indexOf(demo, "无关二维码");
            fire(k, "#maintenance-test-QR_SCANNER");
            demo.scanCode(other);
            awaitResult(k, "✓ other code, 35 characters: https://www.example.com/…");
            assertThat(k.runtime.controller().view().state()).isEqualTo(SessionState.MAINTENANCE);

            // the A4 test page
            fire(k, "#maintenance-test-REPORT_PRINTER");
            awaitResult(k, "✓ test page sent");

            // a reader that falls silent is seen with its fault; a reconnect after the fix brings it back
            demo.readerSimulator().setFault(IdCardReaderSimulator.Fault.SILENCE);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> k.text("#maintenance-state-ID_CARD_READER").startsWith("OFFLINE"));
            fire(k, "#maintenance-test-ID_CARD_READER");
            awaitResult(k, "✗ ID_CARD_READER is OFFLINE");
            // the watch samples every second, the screen refreshes every two: the fault shows as the last one
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.text("#maintenance-last-ID_CARD_READER").startsWith("最近故障： OFFLINE("));
            demo.readerSimulator().clearFaults();
            fire(k, "#maintenance-reconnect-ID_CARD_READER");
            awaitResult(k, "✓ ID_CARD_READER READY");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.text("#maintenance-state-ID_CARD_READER").equals("READY"));
            assertThat(k.text("#maintenance-last-ID_CARD_READER")).as("kept after the fix").startsWith("最近故障： OFFLINE(");
            // and it reads cards again
            fire(k, "#maintenance-test-ID_CARD_READER");
            demo.placeNumber(CARD);
            awaitResult(k, "✓ card read: 610802********0016");
            demo.remove();

            // a receipt printer with its cover open refuses the slip; closed again and reconnected, it prints
            demo.receiptPrinter().setFault(EscPosPrinterSimulator.Fault.COVER_OPEN);
            fire(k, "#maintenance-test-RECEIPT_PRINTER");
            awaitResult(k, "✗ ");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.text("#maintenance-last-RECEIPT_PRINTER").startsWith("最近故障："));
            demo.receiptPrinter().setFault(EscPosPrinterSimulator.Fault.NONE);
            fire(k, "#maintenance-reconnect-RECEIPT_PRINTER");
            awaitResult(k, "✓ RECEIPT_PRINTER READY");
            fire(k, "#maintenance-test-RECEIPT_PRINTER");
            awaitResult(k, "✓ test slip printed");
            k.screenshot("79-technician-screen");

            fire(k, "#maintenance-leave");
            k.awaitScreen("attract", 5);
            assertThat(audit.messages()).containsSubsequence(
                    "maintenance: ID_CARD_READER test (✓ card read: 610802********0016)",
                    "maintenance: RECEIPT_PRINTER test (✓ test slip printed)",
                    "maintenance: QR_SCANNER test (✓ other code, 35 characters: https://www.example.com/…)",
                    "maintenance: test page printed (✓ test page sent)",
                    "maintenance: ID_CARD_READER reconnected (✓ ID_CARD_READER READY)",
                    "maintenance: RECEIPT_PRINTER reconnected (✓ RECEIPT_PRINTER READY)",
                    "maintenance: left by staff (back to service)");
            assertThat(audit.messages()).noneMatch(m -> m.contains(CARD));
        }
    }

    static int indexOf(org.creditkiosk.demo.DemoDevices demo, String label) {
        for (int i = 0; i < demo.codes().size(); i++) {
            if (demo.codes().get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no demo code " + label);
    }

    private static void awaitResult(KioskHarness k, String start) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> k.text("#maintenance-result").startsWith(start));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("result line is \"" + k.text("#maintenance-result") + "\", expected \"" + start + "…\"");
        }
    }

    private static void enter(KioskHarness k) throws Exception {
        k.robot.moveTo("#logo").press(MouseButton.PRIMARY);
        Thread.sleep(1300);
        k.robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        k.awaitText("#pin-pad", 5);
        for (char c : "246810".toCharArray()) {
            fire(k, "#key-" + c);
        }
        fire(k, "#pin-ok");
        k.awaitScreen("maintenance", 5);
    }

    private static void fire(KioskHarness k, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> k.lookup(query, Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
