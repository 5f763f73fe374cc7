package org.creditkiosk.app;

import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.SignedCommitment;

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

    // --- issue 15: credit commitments and complaints -----------------------------------------------------------

    /**
     * Signs a commitment on the platform ({@code signCommitment}), tells {@code signed} at once, then renders and
     * signs its PDF with the hall key, registers the digest and prints it (and its summary slip) through the same
     * print desk as reports. A failed {@code signCommitment} throws before {@code signed} is told.
     *
     * @param subject the record of the subject the commitment is for (its name and masked number go onto paper)
     * @param png     the handwritten signature (the caller's copy; zeroed when done)
     */
    default Outcome printCommitment(SessionToken token, CommitmentTemplate template, Optional<String> uscc, byte[] png,
                                    Instant signedAt, CreditRecord subject, Consumer<SignedCommitment> signed)
            throws PlatformException {
        throw new UnsupportedOperationException("this pipeline prints reports only");
    }

    /**
     * Prints once more a commitment whose paper the print desk holds after a printer fault ({@code printCommitment}
     * answered a reprintable print problem): no new signature, number or platform call.
     */
    default Outcome reprintCommitment(String commitmentNo) {
        return new Failed(org.creditkiosk.platform.Notice.PrintProblem.PRINT_FAILED);
    }

    /** Prints the slip of a filed complaint when a receipt printer is installed (best effort). */
    default void printComplaintSlip(ComplaintTicket ticket, ComplaintRequest request) {
    }
}
