package org.creditkiosk.ops;

/** What administrators' remote commands may make the kiosk do besides changing its service state. */
public interface RemoteActions {

    /** Prints the A4 test page; throws with a technician-readable message when it cannot. */
    void printTestPage() throws Exception;

    /** The outcome of RELOAD_CONFIG; {@code restart}: a new configuration was stored and takes effect on restart. */
    record Reload(org.creditkiosk.platform.api.CommandResult result, boolean restart) {
    }

    /** Fetches, verifies and stores the administrators' newest signed configuration bundle. */
    Reload reloadConfig();

    /**
     * Ends the process so the service manager starts it again (systemd {@code Restart=always}); called only when no
     * visit is in progress.
     */
    void restart();

    /**
     * UPLOAD_LOGS (issue 12): uploads the recent logs without personal data; the command's result. A kiosk without
     * a log upload answers REJECTED.
     */
    default org.creditkiosk.platform.api.CommandResult uploadLogs(String commandId) {
        return new org.creditkiosk.platform.api.CommandResult(org.creditkiosk.platform.api.CommandResult.Outcome.REJECTED,
                java.util.Optional.of("this kiosk does not upload logs; collect them on site"));
    }
}
