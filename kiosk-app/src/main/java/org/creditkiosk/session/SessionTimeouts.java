package org.creditkiosk.session;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each state may last without progress (for citizen states: without a touch). Every state has one:
 * ATTRACT re-checks the kiosk's health, OUT_OF_SERVICE probes for recovery, MAINTENANCE gives the kiosk back
 * to citizens if a technician walks away.
 */
public final class SessionTimeouts {

    private final Map<SessionState, Duration> byState;

    private SessionTimeouts(Map<SessionState, Duration> byState) {
        this.byState = byState;
    }

    public static SessionTimeouts defaults() {
        Map<SessionState, Duration> m = new EnumMap<>(SessionState.class);
        m.put(SessionState.ATTRACT, Duration.ofMinutes(5));
        m.put(SessionState.AUTHENTICATING, Duration.ofSeconds(20));
        m.put(SessionState.CHOOSING_SUBJECT, Duration.ofSeconds(60));
        m.put(SessionState.LOADING_RECORD, Duration.ofSeconds(20));
        m.put(SessionState.SHOWING_RECORD, Duration.ofSeconds(90));
        m.put(SessionState.OBJECTING, Duration.ofSeconds(180));
        m.put(SessionState.CONFIRMING_PRINT, Duration.ofSeconds(60));
        m.put(SessionState.PRINTING, Duration.ofSeconds(120));
        m.put(SessionState.FAREWELL, Duration.ofSeconds(8));
        m.put(SessionState.NOTICE, Duration.ofSeconds(12));
        m.put(SessionState.VERIFYING, Duration.ofSeconds(20));
        m.put(SessionState.SHOWING_VERIFICATION, Duration.ofSeconds(30));
        m.put(SessionState.OUT_OF_SERVICE, Duration.ofSeconds(30));
        m.put(SessionState.MAINTENANCE, Duration.ofMinutes(10));
        // issue 15: reading a commitment and writing a complaint take time (older citizens: no time pressure)
        m.put(SessionState.CHOOSING_COMMITMENT, Duration.ofSeconds(90));
        m.put(SessionState.READING_COMMITMENT, Duration.ofSeconds(300));
        m.put(SessionState.SIGNING_COMMITMENT, Duration.ofSeconds(180));
        m.put(SessionState.CONFIRMING_COMMITMENT, Duration.ofSeconds(90));
        m.put(SessionState.PRINTING_COMMITMENT, Duration.ofSeconds(120));
        m.put(SessionState.COMMITMENT_DONE, Duration.ofSeconds(60));
        m.put(SessionState.COMPLAINING, Duration.ofSeconds(300));
        m.put(SessionState.COMPLAINT_FILED, Duration.ofSeconds(60));
        return new SessionTimeouts(m);
    }

    /** A copy with one state's timeout changed. */
    public SessionTimeouts with(SessionState state, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + state + " must be positive");
        }
        Map<SessionState, Duration> m = new EnumMap<>(byState);
        m.put(state, timeout);
        return new SessionTimeouts(m);
    }

    public Duration of(SessionState state) {
        return byState.get(state);
    }
}
