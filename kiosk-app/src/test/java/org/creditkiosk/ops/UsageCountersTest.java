package org.creditkiosk.ops;

import org.creditkiosk.platform.Notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract 1.1 usage counters: each counted once, by how the visit began, kept on disk until reported. */
class UsageCountersTest {

    private static SessionView view(SessionState s, Optional<ObjectionTicket> ticket) {
        return new SessionView(s, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), ticket, Optional.empty(), Optional.empty(), java.util.Set.of());
    }

    @Test
    void countsByWayInAndSurvivesARestartUntilReported(@TempDir Path dir) throws Exception {
        UsageCounters u = new UsageCounters(dir);
        List<SessionEvent> passed = new ArrayList<>();
        Consumer<SessionEvent> intake = u.tap(passed::add);
        intake.accept(new SessionEvent.CardPlaced(null));
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        u.accept(view(SessionState.SHOWING_RECORD, Optional.empty()));
        var ticket = Optional.of(org.creditkiosk.platform.api.Json.mapper().readValue(
                "{\"ticketNo\":\"YY-2026-000123\",\"itemId\":\"P-1\",\"status\":\"RECEIVED\",\"filedOn\":\"2026-12-01\",\"dueOn\":\"2026-12-16\"}",
                ObjectionTicket.class));
        u.accept(view(SessionState.OBJECTING, ticket));
        u.accept(view(SessionState.SHOWING_RECORD, ticket));
        u.accept(view(SessionState.ATTRACT, Optional.empty()));
        intake.accept(new SessionEvent.AppCodeScanned("app-code"));
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        u.accept(view(SessionState.ATTRACT, Optional.empty()));
        u.accept(view(SessionState.VERIFYING, Optional.empty()));
        u.accept(view(SessionState.ATTRACT, Optional.empty()));
        u.listSearch();
        assertThat(passed).hasSize(2);
        Map<String, Long> expected = nonZero(Map.of("sessions", 2L, "sessionsCard", 1L, "sessionsApp", 1L, "objections", 1L,
                "verifications", 1L, "listSearches", 1L));
        assertThat(nonZero(u.counted())).isEqualTo(expected);
        assertThat(u.counted()).as("every key counted, zeros included").containsKeys(UsageCounters.KEYS.toArray(String[]::new));

        UsageCounters afterRestart = new UsageCounters(dir);
        assertThat(nonZero(afterRestart.counted())).as("kept on disk").isEqualTo(expected);
        assertThat(Files.readString(dir.resolve(UsageCounters.FILE))).doesNotContain("YY-2026", "app-code");
        afterRestart.reported(Map.of("sessionsCard", 1L, "listSearches", 1L));
        afterRestart.listSearch();
        assertThat(nonZero(new UsageCounters(dir).counted())).isEqualTo(Map.of("sessions", 2L, "sessionsApp", 1L,
                "objections", 1L, "verifications", 1L, "listSearches", 1L));
        assertThat(new UsageCounters(dir).figures().today()).as("today's totals keep what was reported")
                .containsEntry("sessionsCard", 1L).containsEntry("listSearches", 2L);
    }

    @Test
    void noticesPrintsAndLatenciesAreCountedOnceAndSurviveARestart(@TempDir Path dir) throws Exception {
        long[] now = {0};
        UsageCounters u = new UsageCounters(dir, java.time.Clock.systemDefaultZone(), () -> now[0]);
        Consumer<SessionEvent> intake = u.tap(e -> { });
        for (int visit = 0; visit < 4; visit++) {
            intake.accept(new SessionEvent.CardPlaced(null));
            u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
            now[0] += (visit + 1) * 100_000_000L; // 100, 200, 300, 400 ms to the record
            u.accept(view(SessionState.LOADING_RECORD, Optional.empty()));
            u.accept(view(SessionState.SHOWING_RECORD, Optional.empty()));
            now[0] += 1_000_000_000L;
            u.accept(notice(SessionState.SHOWING_RECORD, Notice.PrintProblem.PAPER_OUT));
            u.accept(notice(SessionState.SHOWING_RECORD, Notice.PrintProblem.PAPER_OUT)); // the same banner: once
            u.accept(view(SessionState.ATTRACT, Optional.empty()));
        }
        assertThat(u.counted()).containsEntry("sessions", 4L).containsEntry("errors.PAPER_OUT", 4L);
        assertThat(u.latencies()).containsEntry("cardToRecordP50", 200L).containsEntry("cardToRecordP95", 400L)
                .containsEntry("visitP50", 1200L).containsEntry("visitP95", 1400L);
        UsageCounters again = new UsageCounters(dir);
        assertThat(again.latencies()).as("samples kept on disk").containsEntry("cardToRecordP95", 400L);
        again.latenciesReported(again.latencies());
        assertThat(new UsageCounters(dir).latencies()).isEmpty();
    }

    @Test
    void walkAwaysSlipsAndReprintsAreCounted(@TempDir Path dir) {
        UsageCounters u = new UsageCounters(dir);
        Consumer<SessionEvent> intake = u.tap(e -> { });
        intake.accept(new SessionEvent.CardPlaced(null));
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        u.accept(view(SessionState.SHOWING_RECORD, Optional.empty()));
        u.accept(ended(true));                                     // nobody touched it: the idle timeout
        u.accept(ended(true));                                     // the same view again: once
        intake.accept(new SessionEvent.CardPlaced(null));
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        u.accept(view(SessionState.SHOWING_RECORD, Optional.empty()));
        u.accept(ended(false));                                    // the card was lifted
        u.printed(false, false);                                   // an A4 report
        u.printed(true, false);                                    // its summary slip
        u.printed(false, true);                                    // a held report, printed again
        assertThat(nonZero(u.counted())).isEqualTo(Map.of("sessions", 2L, "sessionsCard", 2L, "idleTimeouts", 1L,
                "receiptsPrinted", 1L, "reprints", 1L));
        assertThat(nonZero(new UsageCounters(dir).counted())).as("kept on disk").containsEntry("idleTimeouts", 1L)
                .containsEntry("reprints", 1L);
    }

    @Test
    void aCommitmentPrintedAgainAfterAPrinterFaultCountsOnce(@TempDir Path dir) {
        UsageCounters u = new UsageCounters(dir);
        var signed = new org.creditkiosk.platform.api.SignedCommitment("YLCN-20261202-0001-000001", "CN-1", "承诺书",
                Optional.empty(), java.time.Instant.parse("2026-12-02T03:00:00Z"), Optional.empty(),
                "https://credit-platform.example/v?c=YLCN-20261202-0001-000001");
        u.accept(view(SessionState.AUTHENTICATING, Optional.empty()));
        for (int pass = 0; pass < 2; pass++) {   // held at paper out, then printed again: the done screen twice
            u.accept(commitment(SessionState.PRINTING_COMMITMENT, signed));
            u.accept(commitment(SessionState.COMMITMENT_DONE, signed));
        }
        u.printed(false, true);
        assertThat(u.counted()).containsEntry("commitments", 1L).containsEntry("reprints", 1L);
    }

    private static SessionView commitment(SessionState s, org.creditkiosk.platform.api.SignedCommitment signed) {
        var services = new org.creditkiosk.session.ServicesView(Optional.empty(), Optional.empty(), true, Optional.empty(),
                Optional.of(signed), Optional.empty(), false, false);
        return new SessionView(s, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                java.util.Set.of(), services, true, false, false);
    }

    private static SessionView ended(boolean idle) {
        return new SessionView(SessionState.ATTRACT, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                java.util.Set.of(), org.creditkiosk.session.ServicesView.NONE, true, false, idle);
    }

    private static SessionView notice(SessionState s, Notice n) {
        return new SessionView(s, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.of(n),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of());
    }

    private static Map<String, Long> nonZero(Map<String, Long> m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
