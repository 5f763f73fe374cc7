package org.creditkiosk.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a platform call can fail, as a closed set. The UI maps these to citizen messages through one
 * table ({@code ErrorCatalog}); the log gets {@link #getMessage()}, which never carries personal data.
 */
public abstract sealed class PlatformException extends Exception
        permits PlatformException.Api, PlatformException.Transport, PlatformException.Protocol {

    protected PlatformException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The platform answered with an {@code Error} body. */
    public static final class Api extends PlatformException {
        private final int httpStatus;
        private final ErrorCode code;
        private final String rawCode;
        private final Optional<String> requestId;
        private final Optional<Duration> retryAfter;

        public Api(int httpStatus, String rawCode, String message, Optional<String> requestId, Optional<Duration> retryAfter) {
            super("HTTP " + httpStatus + " " + rawCode + ": " + message + requestId.map(r -> " (request " + r + ")").orElse(""), null);
            this.httpStatus = httpStatus;
            this.rawCode = rawCode;
            this.code = ErrorCode.parse(rawCode);
            this.requestId = requestId;
            this.retryAfter = retryAfter;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The contract code; unknown codes arrive as {@link ErrorCode#INTERNAL}. */
        public ErrorCode code() {
            return code;
        }

        /** The code exactly as sent, for logs. */
        public String rawCode() {
            return rawCode;
        }

        public Optional<String> requestId() {
            return requestId;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** No usable answer: connection refused, DNS, TLS, timeout. */
    public static final class Transport extends PlatformException {
        public enum Kind { UNREACHABLE, TIMEOUT, TLS }

        private final Kind kind;

        public Transport(Kind kind, String message, Throwable cause) {
            super(kind + ": " + message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** An answer that breaks the contract: malformed JSON, a missing required field, a wrong type. */
    public static final class Protocol extends PlatformException {
        public Protocol(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
