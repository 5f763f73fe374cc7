package org.creditkiosk.ui;

import java.util.function.Supplier;
import org.creditkiosk.ops.MaintenanceAccess;

/**
 * The maintenance screen's links to the kiosk: who may enter, what to show, what staff may do. The actions run off
 * the FX thread (the screen calls them on a worker) and answer with one line for the screen.
 */
public record MaintenanceTools(MaintenanceAccess access, Supplier<MaintenanceStatus> status, Action printTestPage,
                               Action restart) {

    @FunctionalInterface
    public interface Action {
        /** Does the thing; returns a line for the screen; throws with a technician-readable message. */
        String run() throws Exception;
    }
}
