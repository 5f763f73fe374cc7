package org.creditkiosk.ops;

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
        Map<String, Long> expected = Map.of("sessionsCard", 1L, "sessionsApp", 1L, "objections", 1L, "verifications", 1L,
                "listSearches", 1L);
        assertThat(u.counted()).isEqualTo(expected);

        UsageCounters afterRestart = new UsageCounters(dir);
        assertThat(afterRestart.counted()).as("kept on disk").isEqualTo(expected);
        assertThat(Files.readString(dir.resolve(UsageCounters.FILE))).doesNotContain("YY-2026", "app-code");
        afterRestart.reported(Map.of("sessionsCard", 1L, "listSearches", 1L));
        afterRestart.listSearch();
        assertThat(new UsageCounters(dir).counted()).isEqualTo(Map.of("sessionsApp", 1L, "objections", 1L, "verifications", 1L,
                "listSearches", 1L));
    }
}
