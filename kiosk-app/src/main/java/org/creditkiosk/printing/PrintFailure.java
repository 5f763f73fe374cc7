package org.creditkiosk.printing;

import java.util.Objects;
import org.creditkiosk.device.DeviceException;

/**
 * Why a print job did not come out, as a closed set of codes for the citizen message table, the maintenance screen
 * and the log. {@link Code#heldForReprint()} says whether the job is kept for one reprint once staff fix the
 * printer (paper, cover, offline), or whether retrying cannot help (missing queue, broken document).
 */
public final class PrintFailure extends Exception {

    public enum Code {
        /** Out of paper (receipt roll, or CUPS {@code media-empty}). */
        PAPER_OUT(true),
        /** Cover or door open. */
        COVER_OPEN(true),
        /** Printer offline, port gone, or CUPS {@code offline-report}. */
        OFFLINE(true),
        /** The printer does not answer. */
        NO_RESPONSE(true),
        /** The printer reports an error (cutter jam, head error). */
        ERROR(true),
        /** The CUPS queue is stopped (disabled). */
        QUEUE_STOPPED(true),
        /** The CUPS queue rejects jobs. */
        NOT_ACCEPTING(true),
        /** The job did not finish in time; it was cancelled so that it can never print late as a duplicate. */
        TIMEOUT(true),
        /** The configured queue does not exist (configuration: never fall back to the default printer). */
        QUEUE_MISSING(false),
        /** The document cannot be read. */
        BAD_DOCUMENT(false),
        /** Anything else the print system refused. */
        PRINT_FAILED(false);

        private final boolean heldForReprint;

        Code(boolean heldForReprint) {
            this.heldForReprint = heldForReprint;
        }

        public boolean heldForReprint() {
            return heldForReprint;
        }
    }

    private final Code code;

    public PrintFailure(Code code, String message) {
        this(code, message, null);
    }

    public PrintFailure(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }

    /** The receipt printer driver's typed failures in this vocabulary. */
    public static PrintFailure of(DeviceException e) {
        Code c = switch (e.code()) {
            case "PAPER_OUT" -> Code.PAPER_OUT;
            case "COVER_OPEN" -> Code.COVER_OPEN;
            case "NO_RESPONSE" -> Code.NO_RESPONSE;
            case "ERROR", "PROTOCOL_ERROR" -> Code.ERROR;
            case "DISCONNECTED", "CLOSED" -> Code.OFFLINE;
            default -> e instanceof DeviceException.Timeout ? Code.NO_RESPONSE
                    : e instanceof DeviceException.Offline ? Code.OFFLINE : Code.ERROR;
        };
        return new PrintFailure(c, e.getMessage(), e);
    }
}
