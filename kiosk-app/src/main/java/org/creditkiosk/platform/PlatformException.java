package org.creditkiosk.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a platform call can fail, as a closed set. The UI maps these to citizen messages through one
 * table ({@code ErrorCatalog}); the log gets {@link #getMessage()}, which never carries personal data.
 *
 * <p>Parts of a message can come from outside (the platform's {@code Error.message}, a server's status line in an
 * {@link java.io.IOException}): {@link #getMessage()} is therefore always one log line without control or bidi
 * characters ({@link UntrustedText}), and the platform's own text in it is cut to
 * {@value UntrustedText#MAX_LOG_CHARS} characters.
 */
public abstract sealed class PlatformException extends Exception
        permits PlatformException.Api, PlatformException.Transport, PlatformException.Protocol {

    /** Bound of a whole message: our own words plus at most one cut piece of untrusted text. */
    static final int MAX_MESSAGE_CHARS = 600;

    protected PlatformException(String message, Throwable cause) {
        super(UntrustedText.forLog(message, MAX_MESSAGE_CHARS), cause);
    }

    /**
     * The platform answered with an {@code Error} body. Its {@code message} is for technicians (contract), and is
     * untrusted: it reaches the log and the maintenance side cleaned and cut by {@link UntrustedText#forLog(String)}.
     */
    public static final class Api extends PlatformException {
        /** Longest code or request id kept; the contract's codes are short upper-case words. */
        static final int MAX_ID_CHARS = 64;

        private final int httpStatus;
        private final ErrorCode code;
        private final String rawCode;
        private final Optional<String> requestId;
        private final Optional<Duration> retryAfter;

        public Api(int httpStatus, String rawCode, String message, Optional<String> requestId, Optional<Duration> retryAfter) {
            super("HTTP " + httpStatus + " " + UntrustedText.forLog(rawCode, MAX_ID_CHARS) + ": "
                    + UntrustedText.forLog(message)
                    + requestId.map(r -> " (request " + UntrustedText.forLog(r, MAX_ID_CHARS) + ")").orElse(""), null);
            this.httpStatus = httpStatus;
            this.rawCode = UntrustedText.forLog(rawCode, MAX_ID_CHARS);
            this.code = ErrorCode.parse(rawCode);
            this.requestId = requestId.map(r -> UntrustedText.forLog(r, MAX_ID_CHARS));
            this.retryAfter = retryAfter;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The contract code; unknown codes arrive as {@link ErrorCode#INTERNAL}. */
        public ErrorCode code() {
            return code;
        }

        /** The code as sent, for logs (made safe for a log line: {@link UntrustedText}). */
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
