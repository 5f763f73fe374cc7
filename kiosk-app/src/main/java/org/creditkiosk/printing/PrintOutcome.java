package org.creditkiosk.printing;

import org.creditkiosk.platform.ErrorCode;

/**
 * What happened to a print request, as a closed set the UI maps to citizen messages (Chinese first) and the
 * maintenance screen maps to staff messages.
 */
public sealed interface PrintOutcome {

    String jobId();

    /** The job came out. */
    record Printed(String jobId) implements PrintOutcome {
    }

    /**
     * The printer needs attention (paper, cover, offline ...). The job is kept for this session; staff were notified;
     * the citizen can reprint it once after the fault clears, without a new query.
     */
    record Held(String jobId, PrintFailure.Code code) implements PrintOutcome {
    }

    /** Retrying cannot help (missing queue, unreadable document); the job is not kept. */
    record Failed(String jobId, PrintFailure.Code code) implements PrintOutcome {
    }

    /** A reprint was asked while the fault is still there: nothing was sent, the reprint is still available. */
    record NotReady(String jobId, PrintFailure.Code code) implements PrintOutcome {
    }

    /** This job was printed already in this session: nothing was sent (never a duplicate). */
    record AlreadyPrinted(String jobId) implements PrintOutcome {
    }

    /** The one reprint of this job was used and failed too: staff must help. */
    record ReprintUsed(String jobId, PrintFailure.Code code) implements PrintOutcome {
    }

    /** No such job in this session (never submitted, or the session ended). */
    record Unknown(String jobId) implements PrintOutcome {
    }

    /**
     * The platform refused the report before anything was rendered, e.g. {@link ErrorCode#PRINT_QUOTA_EXCEEDED}
     * (at most N full reports per person per day; the platform counts).
     */
    record Refused(String jobId, ErrorCode code) implements PrintOutcome {
    }
}
