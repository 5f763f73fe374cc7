package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditkiosk.ops.CapturedLog;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ops.MaintenanceAudit;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 6: every maintenance action is one line on the audit logger (enter, failed PIN, test page, restart,
 * back to service, leaving by itself), and no line holds the PIN.
 */
class MaintenanceAuditTest {

    private static final String PIN = "246810";

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
    private final List<String> all = new ArrayList<>();

    interface Step {
        void run() throws Exception;
    }

    /** Runs one action and returns its audit line, asserting there is exactly one. */
    private CapturedLog.Line oneLine(CapturedLog audit, Step action) throws Exception {
        audit.clear();
        action.run();
        List<CapturedLog.Line> lines = audit.lines();
        assertThat(lines).as("audit lines of one action").hasSize(1);
        all.add(lines.get(0).message());
        return lines.get(0);
    }

    @Test
    void everyMaintenanceActionIsOneAuditLine() throws Exception {
        AtomicInteger restarts = new AtomicInteger();
        AtomicBoolean paperOut = new AtomicBoolean();
        List<SessionEvent> events = new ArrayList<>();
        MaintenanceAccess access = new MaintenanceAccess(Optional.of(MaintenanceAccess.hash(PIN)), data, clock);
        MaintenanceTools tools = new MaintenanceTools(access, () -> new MaintenanceStatus(List.of(), List.of()),
                () -> {
                    if (paperOut.get()) {
                        throw new IllegalStateException("A4 report printer: PAPER_OUT");
                    }
                    return "✓ test page sent";
                },
                () -> {
                    restarts.incrementAndGet();
                    return "restarting";
                });
        Session session = new Session(clock, SessionTimeouts.defaults());

        try (CapturedLog audit = new CapturedLog(MaintenanceAudit.LOGGER)) {
            CapturedLog.Line wrong = oneLine(audit, () -> assertThat(access.check("135790"))
                    .isEqualTo(MaintenanceAccess.Result.WRONG));
            assertThat(wrong.level()).isEqualTo(Level.WARN);
            assertThat(wrong.message()).isEqualTo("maintenance: PIN wrong (1 of 5 before a lockout)");
            CapturedLog.Line entered = oneLine(audit, () -> assertThat(access.check(PIN)).isEqualTo(MaintenanceAccess.Result.GRANTED));
            assertThat(entered.level()).isEqualTo(Level.INFO);
            assertThat(entered.message()).isEqualTo("maintenance: entered with the PIN after 1 wrong PINs");
            audit.clear();
            session.handle(new SessionEvent.EnterMaintenance());
            assertThat(audit.lines()).as("entering is audited once, by the PIN check").isEmpty();
        }
        assertThat(session.state()).isEqualTo(SessionState.MAINTENANCE);

        try (CapturedLog audit = new CapturedLog(MaintenanceAudit.LOGGER)) {
            assertThat(oneLine(audit, () -> assertThat(tools.printTestPage().run()).isEqualTo("✓ test page sent")).message())
                    .isEqualTo("maintenance: test page printed (✓ test page sent)");
            paperOut.set(true);
            CapturedLog.Line failed = oneLine(audit, () -> assertThatThrownBy(() -> tools.printTestPage().run())
                    .hasMessage("A4 report printer: PAPER_OUT"));
            assertThat(failed.message()).isEqualTo("maintenance: test page failed: A4 report printer: PAPER_OUT");
            assertThat(oneLine(audit, () -> tools.restart().run()).message()).startsWith("maintenance: restart by staff");
            assertThat(restarts).hasValue(1);
            assertThat(oneLine(audit, () -> tools.backToService(events::add)).message())
                    .isEqualTo("maintenance: left by staff (back to service)");
            assertThat(events).singleElement().isInstanceOf(SessionEvent.LeaveMaintenance.class);
            session.handle(events.get(0));
            assertThat(session.state()).isEqualTo(SessionState.ATTRACT);

            session.handle(new SessionEvent.EnterMaintenance());
            clock.advance(SessionTimeouts.defaults().of(SessionState.MAINTENANCE).plusMillis(1));
            assertThat(oneLine(audit, () -> session.handle(new SessionEvent.Tick())).message())
                    .isEqualTo("maintenance: left by itself after PT10M without staff; the kiosk goes to ATTRACT");
            assertThat(session.state()).isEqualTo(SessionState.ATTRACT);

            for (int i = 0; i < 4; i++) {
                assertThat(oneLine(audit, () -> access.check("000000")).message()).contains("PIN wrong (" + (i + 1) + " of 5");
            }
            assertThat(oneLine(audit, () -> access.check("000000")).message())
                    .isEqualTo("maintenance: PIN wrong (5 in a row): entry locked for 5 min, until 2026-11-27T03:15:00.001Z");
            assertThat(oneLine(audit, () -> access.check(PIN)).message())
                    .isEqualTo("maintenance: entry refused, locked until 2026-11-27T03:15:00.001Z (5 wrong PINs in a row)");
            clock.advance(Duration.ofMinutes(5));
            assertThat(oneLine(audit, () -> access.check("000000")).message()).contains("entry locked for 15 min");
        }
        assertThat(all).as("no audit line holds a PIN tried").noneMatch(l -> l.contains(PIN) || l.contains("000000")
                || l.contains("135790"));
    }
}
