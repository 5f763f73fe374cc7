package org.creditkiosk.app;

import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.CreditRecord;

/**
 * Produces the citizen's report: allocate the number (platform) → render and sign in memory → register the
 * SHA-256 (platform) → print (or, in demo mode without a printer, write to the output folder) → forget the bytes
 * (DESIGN.md §4).
 */
public interface ReportPipeline {

    /** Outcome of one print request. */
    sealed interface Outcome permits Printed, Failed {
    }

    /** The report is on paper (or in the demo output folder). */
    record Printed(String reportNo) implements Outcome {
    }

    /**
     * The report could not be printed.
     *
     * @param notice why, for the citizen: a {@link Notice.PrintProblem} or a platform refusal (PRINT_QUOTA_EXCEEDED ...)
     */
    record Failed(Notice notice) implements Outcome {
    }

    /**
     * Runs the whole flow; blocking, bounded in time; never on the FX thread.
     *
     * @throws PlatformException a platform call of the flow failed (allocate, register the digest)
     * @throws org.creditkiosk.report.sign.SigningException the report could not be signed
     */
    Outcome print(SessionToken token, CreditRecord record) throws PlatformException;

    /** Forget any job kept for the session (called when the visit ends). */
    default void wipe() {
    }
}
