package org.creditkiosk.ops;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of maintenance (等保: audit of privileged access and actions): one line on the
 * {@value #LOGGER} logger for every PIN attempt and every action hall staff take on the maintenance screen. Lines
 * name what was done and its outcome; never a PIN, never citizen data.
 */
public final class MaintenanceAudit {

    /** The audit logger's name (config/logback.xml may route it to its own file). */
    public static final String LOGGER = "org.creditkiosk.audit";

    private static final Logger audit = LoggerFactory.getLogger(LOGGER);

    private MaintenanceAudit() {
    }

    static void entered(int wrongBefore) {
        audit.info("maintenance: entered with the PIN{}", wrongBefore == 0 ? "" : " after " + wrongBefore + " wrong PINs");
    }

    static void pinWrong(int wrongInRow) {
        audit.warn("maintenance: PIN wrong ({} of {} before a lockout)", wrongInRow, MaintenanceLockout.WRONG_BEFORE_LOCKOUT);
    }

    static void lockedNow(int wrongInRow, Duration lockout, Instant until) {
        audit.warn("maintenance: PIN wrong ({} in a row): entry locked for {} min, until {}", wrongInRow,
                lockout.toMinutes(), until);
    }

    static void refusedLocked(int wrongInRow, Instant until) {
        audit.warn("maintenance: entry refused, locked until {} ({} wrong PINs in a row)", until, wrongInRow);
    }

    static void refusedNotConfigured(String why) {
        audit.warn("maintenance: entry refused, {}", why);
    }

    /** Staff printed the test page; {@code outcome} is the screen's line. */
    public static void testPage(String outcome) {
        audit.info("maintenance: test page printed ({})", outcome);
    }

    /** Staff asked for the test page and it failed; {@code reason} in the technician's words. */
    public static void testPageFailed(String reason) {
        audit.warn("maintenance: test page failed: {}", reason);
    }

    /** Staff ran a device's test on the technician's screen; {@code outcome} is the screen's line (no personal data). */
    public static void deviceTest(String device, String outcome) {
        audit.info("maintenance: {} test ({})", device, outcome);
    }

    /** A device test failed; {@code reason} in the technician's words. */
    public static void deviceTestFailed(String device, String reason) {
        audit.warn("maintenance: {} test failed: {}", device, reason);
    }

    /** Staff reconnected a device (its port closed and opened again). */
    public static void reconnect(String device, String outcome) {
        audit.info("maintenance: {} reconnected ({})", device, outcome);
    }

    /** Staff restart the kiosk (written before the process exits). */
    public static void restart() {
        audit.warn("maintenance: restart by staff (exit 75, the service manager starts the kiosk again)");
    }

    /** Staff leave maintenance with "back to service". */
    public static void backToService() {
        audit.info("maintenance: left by staff (back to service)");
    }
}
