package org.creditkiosk.platform;

import java.util.Objects;
import org.creditkiosk.device.DeviceKind;

/**
 * Everything the kiosk may have to tell a citizen about a failure or a missing service, as one closed set (DESIGN.md
 * §6): platform refusals and transport faults, a breached contract, card reading, scanned codes, printing, devices
 * and out-of-service causes. The session keeps one in its view; the screens ask {@link ErrorCatalog#of(Notice)} -
 * the one table - for what the citizen reads (zh, en), what staff read and how the session recovers.
 *
 * <p>{@link #code()} is a stable upper-case name, unique across the set: log lines and the heartbeat's
 * {@code errors.<CODE>} counters use it; nothing decides on it.
 *
 * <p>It lives beside {@link ErrorCatalog} in {@code platform} because the platform client uses the same table
 * (log levels, out-of-service decisions) and the package depends on nothing above it; session and screens depend on
 * it one way.
 */
public sealed interface Notice permits Notice.PlatformError, Notice.PlatformTransport, Notice.PlatformProtocol,
        Notice.CardProblem, Notice.CodeProblem, Notice.PrintProblem, Notice.OutOfService, Notice.DeviceUnavailable,
        Notice.ServiceProblem {

    /** Stable name for logs and heartbeat counters ({@code errors.<CODE>}). */
    String code();

    /** The platform did not answer in time (a transport timeout, or the session's own wait running out). */
    Notice PLATFORM_TIMEOUT = new PlatformTransport(PlatformException.Transport.Kind.TIMEOUT);

    /** The platform's answer broke the contract. */
    Notice PROTOCOL = new PlatformProtocol();

    /** The notice for a failed platform call. */
    static Notice of(PlatformException failure) {
        if (failure instanceof PlatformException.Api api) {
            return new PlatformError(api.code());
        } else if (failure instanceof PlatformException.Transport t) {
            return new PlatformTransport(t.kind());
        }
        return PROTOCOL;
    }

    /** The platform answered with a contract {@code Error.code}. */
    record PlatformError(ErrorCode error) implements Notice {
        public PlatformError {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String code() {
            return error.name();
        }
    }

    /** No usable answer from the platform: UNREACHABLE, TIMEOUT, TLS. */
    record PlatformTransport(PlatformException.Transport.Kind kind) implements Notice {
        public PlatformTransport {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String code() {
            return kind.name();
        }
    }

    /** An answer that breaks the contract (malformed JSON, missing field ...). Use {@link #PROTOCOL}. */
    record PlatformProtocol() implements Notice {
        @Override
        public String code() {
            return "PROTOCOL";
        }
    }

    /** The reader saw a card but could not read it (GA/T 467 card outcomes the citizen can act on). */
    enum CardProblem implements Notice {
        CARD_UNREADABLE;

        @Override
        public String code() {
            return name();
        }
    }

    /** A scanned code the kiosk cannot use (an expired or used app code is the platform's {@link PlatformError}). */
    enum CodeProblem implements Notice {
        /** Neither a credit report code nor an app code: someone else's code. */
        QR_UNKNOWN,
        /** Looks like an app code but is broken. */
        QR_MALFORMED;

        @Override
        public String code() {
            return name();
        }
    }

    /** The report did not come out for a reason of the kiosk's own (the platform's refusals are PlatformErrors). */
    enum PrintProblem implements Notice {
        PAPER_OUT(true),
        COVER_OPEN(true),
        /** Offline, not answering, in error, or its queue stopped. */
        PRINTER_OFFLINE(true),
        /** Not printed and not kept (missing queue, broken document, no end in time, an unexpected fault). */
        PRINT_FAILED(false),
        /** The report could not be signed (the hall's keystore): no report can be made until a technician fixes it. */
        SIGNING_FAILED(false);

        private final boolean reprintable;

        PrintProblem(boolean reprintable) {
            this.reprintable = reprintable;
        }

        /** The finished report is kept at the print desk: once staff fix the printer, "print" prints it again. */
        public boolean reprintable() {
            return reprintable;
        }

        @Override
        public String code() {
            return name();
        }
    }

    /** Why the kiosk may not serve; each cause is lifted on its own. */
    enum OutOfService implements Notice {
        /** The platform does not answer or refuses the kiosk (circuit breaker open). */
        PLATFORM_DOWN,
        /** The administrators said so (heartbeat command OUT_OF_SERVICE). */
        REMOTE_ORDER,
        /** The stored signed configuration failed its check at start: until administrators push one that verifies. */
        CONFIGURATION_REFUSED,
        /** Outside the hall's opening hours or on a closed date (issue 12, {@code hall.hours}); not a fault. */
        HALL_CLOSED;

        @Override
        public String code() {
            return name();
        }
    }

    /** A device cannot work now; the kiosk serves with what works. */
    record DeviceUnavailable(DeviceKind device) implements Notice {
        public DeviceUnavailable {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String code() {
            return device.name() + "_UNAVAILABLE";
        }
    }

    // --- credit commitments and complaints (issue 15) ------------------------------------------------------------

    /** The kiosk's own answers in the commitment and complaint flows (the platform's refusals are PlatformErrors). */
    enum ServiceProblem implements Notice {
        /** The signature pad holds too little ink to be a handwritten signature. */
        SIGNATURE_BLANK,
        /** The commitment could not be printed or registered after it was signed (it is recorded on the platform). */
        COMMITMENT_PRINT_FAILED;

        @Override
        public String code() {
            return name();
        }
    }
}
