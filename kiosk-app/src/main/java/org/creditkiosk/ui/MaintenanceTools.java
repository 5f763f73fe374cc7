package org.creditkiosk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ops.MaintenanceAudit;
import org.creditkiosk.session.SessionEvent;

/**
 * The maintenance screen's links to the kiosk: who may enter, what to show, what staff may do. The actions run off
 * the FX thread (the screen calls them on a worker) and answer with one line for the screen.
 *
 * <p>Every action leaves one audit line ({@link MaintenanceAudit}): the actions given here are kept wrapped, so
 * whoever runs {@link #printTestPage()}, a device test, a reconnect or {@link #restart()} writes it;
 * {@link #backToService} does for the way out. (Entering and wrong PINs are audited by {@link MaintenanceAccess}.)
 *
 * @param deviceTests by device name ({@code ID_CARD_READER}, {@code RECEIPT_PRINTER}, {@code QR_SCANNER},
 *                    {@code REPORT_PRINTER}): the technician's test of that device (read a card and show it masked,
 *                    print a test slip, scan a code and describe it, print the A4 test page)
 * @param reconnects  by device name: close the device's port and open it again
 */
public record MaintenanceTools(MaintenanceAccess access, Supplier<MaintenanceStatus> status, Action printTestPage,
                               Action restart, Map<String, Action> deviceTests, Map<String, Action> reconnects) {

    @FunctionalInterface
    public interface Action {
        /** Does the thing; returns a line for the screen; throws with a technician-readable message. */
        String run() throws Exception;
    }

    public MaintenanceTools(MaintenanceAccess access, Supplier<MaintenanceStatus> status, Action printTestPage,
            Action restart) {
        this(access, status, printTestPage, restart, Map.of(), Map.of());
    }

    public MaintenanceTools {
        Action testPage = printTestPage;
        printTestPage = () -> {
            try {
                String line = testPage.run();
                MaintenanceAudit.testPage(line);
                return line;
            } catch (Exception e) {
                MaintenanceAudit.testPageFailed(String.valueOf(e.getMessage()));
                throw e;
            }
        };
        Action exit = restart;
        // Written before the action: a restart ends the process.
        restart = () -> {
            MaintenanceAudit.restart();
            return exit.run();
        };
        Map<String, Action> tests = new LinkedHashMap<>();
        deviceTests.forEach((device, test) -> tests.put(device, () -> {
            try {
                String line = test.run();
                MaintenanceAudit.deviceTest(device, line);
                return line;
            } catch (Exception e) {
                MaintenanceAudit.deviceTestFailed(device, String.valueOf(e.getMessage()));
                throw e;
            }
        }));
        deviceTests = java.util.Collections.unmodifiableMap(tests);
        Map<String, Action> again = new LinkedHashMap<>();
        reconnects.forEach((device, reconnect) -> again.put(device, () -> {
            String line = reconnect.run();
            MaintenanceAudit.reconnect(device, line);
            return line;
        }));
        reconnects = java.util.Collections.unmodifiableMap(again);
    }

    /** Staff press "back to service": the audit line, then the session leaves maintenance. */
    public void backToService(Consumer<SessionEvent> events) {
        MaintenanceAudit.backToService();
        events.accept(new SessionEvent.LeaveMaintenance());
    }
}
