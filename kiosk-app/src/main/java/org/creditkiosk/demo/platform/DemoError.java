package org.creditkiosk.demo.platform;

import java.time.Duration;
import java.util.Optional;
import org.creditkiosk.platform.ErrorCode;

/** A contract {@code Error} answer of the demo platform, thrown from deep inside a handler. */
final class DemoError extends Exception {

    final ErrorCode code;
    final Optional<Duration> retryAfter;

    DemoError(ErrorCode code, String message) {
        this(code, message, Optional.empty());
    }

    DemoError(ErrorCode code, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status(code);
    }

    /** The HTTP status the contract gives each code. */
    static int status(ErrorCode code) {
        return switch (code) {
            case BAD_SIGNATURE, CLOCK_SKEW, REPLAYED_NONCE, SESSION_EXPIRED -> 401;
            case KIOSK_DISABLED, CARD_REVOKED, QR_EXPIRED, QR_USED, NOT_AUTHORIZED -> 403;
            case SUBJECT_NOT_FOUND, NOT_FOUND -> 404;
            case INVALID_ARGUMENT -> 400;
            case RECORD_CHANGED, DIGEST_MISMATCH, OBJECTION_OPEN, TEMPLATE_CHANGED -> 409;
            case PRINT_QUOTA_EXCEEDED, RATE_LIMITED -> 429;
            case MAINTENANCE -> 503;
            case INTERNAL -> 500;
        };
    }
}
