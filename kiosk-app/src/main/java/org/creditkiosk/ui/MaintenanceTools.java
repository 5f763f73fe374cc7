package org.creditkiosk.ui;

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
 * whoever runs {@link #printTestPage()} or {@link #restart()} writes it; {@link #backToService} does for the way out.
 * (Entering and wrong PINs are audited by {@link MaintenanceAccess}.)
 */
public record MaintenanceTools(MaintenanceAccess access, Supplier<MaintenanceStatus> status, Action printTestPage,
                               Action restart) {

    @FunctionalInterface
    public interface Action {
        /** Does the thing; returns a line for the screen; throws with a technician-readable message. */
        String run() throws Exception;
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
    }

    /** Staff press "back to service": the audit line, then the session leaves maintenance. */
    public void backToService(Consumer<SessionEvent> events) {
        MaintenanceAudit.backToService();
        events.accept(new SessionEvent.LeaveMaintenance());
    }
}
