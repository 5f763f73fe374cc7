package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.Test;

/** The opening hours drive the session: out of service (HALL_CLOSED) at closing, back at opening, once each. */
class HallScheduleTest {

    @Test
    void closesAndOpensWithTheHours() {
        List<SessionEvent> events = new ArrayList<>();
        SessionPort port = new SessionPort() {
            @Override
            public void submit(SessionEvent event) {
                events.add(event);
            }

            @Override
            public SessionView view() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addListener(Consumer<SessionView> listener) {
            }
        };
        // Monday 2026-11-30 17:29 in Yulin
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:29:00Z"));
        HallSchedule s = new HallSchedule(ConfigKeys.HALL_HOURS.parse("{\"mon\":\"08:30-17:30\",\"tue\":\"08:30-17:30\"}"),
                ZoneId.of("Asia/Shanghai"), port, clock);
        s.check();
        s.check();
        assertThat(events).containsExactly(new SessionEvent.BackInService(Notice.OutOfService.HALL_CLOSED));
        clock.advance(Duration.ofMinutes(1));
        s.check();
        assertThat(events).last().isEqualTo(new SessionEvent.GoOutOfService(Notice.OutOfService.HALL_CLOSED));
        clock.advance(Duration.ofHours(15));
        s.check();
        assertThat(events).last().isEqualTo(new SessionEvent.BackInService(Notice.OutOfService.HALL_CLOSED));
        assertThat(events).hasSize(3);
    }
}
