package org.creditkiosk.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the platform can serve citizens now. DOWN: the attract screen shows the out-of-service notice (public list
 * search and report verification hidden too); UP: service resumes by itself.
 *
 * @param reason the {@link ErrorCatalog} key that took it down (UNREACHABLE, TIMEOUT, TLS, MAINTENANCE, BAD_SIGNATURE ...)
 */
public record PlatformAvailability(Status status, Optional<String> reason, Instant since) {

    public enum Status { UP, DOWN }

    public PlatformAvailability {
        reason = reason == null ? Optional.empty() : reason;
    }

    public boolean up() {
        return status == Status.UP;
    }

    /** The catalogue row behind a DOWN, for the maintenance screen. */
    public Optional<ErrorCatalog.Entry> entry() {
        return reason.flatMap(r -> ErrorCatalog.entries().stream().filter(e -> e.key().equals(r)).findFirst());
    }
}
