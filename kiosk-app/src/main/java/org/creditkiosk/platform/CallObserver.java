package org.creditkiosk.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Told about every attempt of a platform call, after the fact; the circuit breaker is one. Implementations must be
 * fast and thread-safe; they never see personal data.
 */
public interface CallObserver {

    CallObserver NONE = new CallObserver() {
    };

    /** Whether a call may go out now; a breaker that is open says no (except to its probe). */
    default boolean admit(Operation op) {
        return true;
    }

    /** The platform answered (any status, error bodies included). {@code clockOffset} = server Date − local clock. */
    default void answered(Operation op, int status, Duration latency, Optional<Duration> clockOffset) {
    }

    /** No usable answer: refused, timed out, TLS failed. */
    default void failed(Operation op, PlatformException.Transport failure) {
    }
}
