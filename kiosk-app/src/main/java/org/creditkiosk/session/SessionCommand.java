package org.creditkiosk.session;

import java.time.Instant;
import java.util.Optional;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.signature.HandSignature;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.OpenSessionRequest;

/** What the session asks the world to do; the app's controller carries these out off the UI thread. */
public sealed interface SessionCommand {

    record OpenSession(long visit, OpenSessionRequest request) implements SessionCommand {
    }

    /** Load the person's own record ({@code uscc} empty) or an organisation's. */
    record LoadRecord(long visit, SessionToken token, Optional<String> uscc) implements SessionCommand {
    }

    record PrintReport(long visit, SessionToken token, CreditRecord record) implements SessionCommand {
    }

    record FileObjection(long visit, SessionToken token, ObjectionRequest request) implements SessionCommand {
    }

    /** Ask the platform about a printed report (no session needed). */
    record VerifyReport(long visit, String reportNo) implements SessionCommand {
    }

    /** End the platform session; idempotent, best effort. */
    record CloseSession(SessionToken token) implements SessionCommand {
    }

    /** Forget everything about the citizen held outside the session object (screens, print jobs). */
    record WipeCitizenData() implements SessionCommand {
    }

    /** Check whether the kiosk can serve again (from OUT_OF_SERVICE). */
    record ProbeService() implements SessionCommand {
    }

    // --- credit commitments and complaints (contract 1.1, issue 15) ---------------------------------------------

    /** Fetch the commitment templates for the person ({@code uscc} empty) or an organisation they represent. */
    record LoadCommitmentTemplates(long visit, SessionToken token, Optional<String> uscc) implements SessionCommand {
    }

    /**
     * Sign {@code template} on the platform with {@code signature}, then render, sign with the hall key, register and
     * print the commitment with its summary slip.
     *
     * @param subject the record of whom the commitment is for (its subject block goes onto the paper)
     */
    record SignCommitment(long visit, SessionToken token, CommitmentTemplate template, Optional<String> uscc,
                          HandSignature signature, Instant signedAt, CreditRecord subject) implements SessionCommand {
        @Override
        public String toString() {
            return "SignCommitment[" + template + "]";
        }
    }

    /** Print the commitment held at the print desk once more (no new signature, number or platform call). */
    record ReprintCommitment(long visit, String commitmentNo) implements SessionCommand {
    }

    /** File the complaint; print its slip once the platform has answered. */
    record FileComplaint(long visit, SessionToken token, ComplaintRequest request) implements SessionCommand {
    }
}
