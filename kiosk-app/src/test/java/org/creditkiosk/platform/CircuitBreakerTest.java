package org.creditkiosk.platform;

import org.creditkiosk.session.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
    final CircuitBreaker breaker = new CircuitBreaker(
            new CircuitBreaker.Settings(3, Duration.ofSeconds(10), Duration.ofSeconds(40)), clock);
    final List<PlatformAvailability> events = new ArrayList<>();
    int probes;
    PlatformException probeFails;

    {
        breaker.addListener(events::add);
        breaker.setProbe(() -> {
            probes++;
            if (probeFails != null) {
                throw probeFails;
            }
        });
    }

    static PlatformException.Transport refused() {
        return new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE, "refused", null);
    }

    @Test
    void opensAfterNTransportFailuresInARowAndFailsFast() {
        breaker.failed(Operation.GET_OWN_RECORD, refused());
        breaker.failed(Operation.GET_OWN_RECORD, refused());
        breaker.answered(Operation.GET_OWN_RECORD, 200, Duration.ZERO, Optional.empty()); // resets the count
        breaker.failed(Operation.GET_OWN_RECORD, refused());
        breaker.failed(Operation.GET_OWN_RECORD, refused());
        assertThat(breaker.admit(Operation.GET_OWN_RECORD)).isTrue();
        assertThat(events).isEmpty();
        breaker.failed(Operation.GET_OWN_RECORD, refused());
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.admit(Operation.VERIFY_REPORT)).isFalse();
        assertThat(events).singleElement().satisfies(a -> {
            assertThat(a.up()).isFalse();
            assertThat(a.reason()).contains("UNREACHABLE");
        });
    }

    @Test
    void probesOnScheduleBacksOffAndComesBackUp() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(Operation.HEARTBEAT, refused());
        }
        probeFails = refused();
        breaker.tick();
        assertThat(probes).isZero(); // not due yet
        clock.advance(Duration.ofSeconds(10));
        breaker.tick();
        assertThat(probes).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(10));
        breaker.tick();
        assertThat(probes).as("wait doubled to 20 s").isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        breaker.tick();
        assertThat(probes).isEqualTo(2);

        probeFails = new PlatformException.Api(404, "SUBJECT_NOT_FOUND", "m", Optional.empty(), Optional.empty());
        clock.advance(Duration.ofSeconds(40));
        breaker.tick();
        assertThat(probes).isEqualTo(3);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(events).extracting(PlatformAvailability::status)
                .containsExactly(PlatformAvailability.Status.DOWN, PlatformAvailability.Status.UP);
    }

    @Test
    void outOfServiceCodesOpenAtOnceAndAProbeStillAnsweringThemKeepsItOpen() {
        breaker.rejected(Operation.OPEN_SESSION, new PlatformException.Api(403, "CARD_REVOKED", "m", Optional.empty(), Optional.empty()));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.rejected(Operation.GET_OWN_RECORD, new PlatformException.Api(503, "MAINTENANCE", "m", Optional.empty(), Optional.empty()));
        assertThat(breaker.availability().reason()).contains("MAINTENANCE");
        probeFails = new PlatformException.Api(503, "MAINTENANCE", "m", Optional.empty(), Optional.empty());
        clock.advance(Duration.ofSeconds(10));
        breaker.tick();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        probeFails = null;
        clock.advance(Duration.ofSeconds(20));
        breaker.tick();
        assertThat(breaker.availability().up()).isTrue();
        assertThat(events).hasSize(2);
    }

    @Test
    void aTlsFailureOpensAtOnce() {
        breaker.failed(Operation.VERIFY_REPORT, new PlatformException.Transport(PlatformException.Transport.Kind.TLS, "pin", null));
        assertThat(breaker.availability().reason()).contains("TLS");
        assertThat(breaker.availability().entry()).get().extracting(ErrorCatalog.Entry::outOfService).isEqualTo(true);
    }
}
