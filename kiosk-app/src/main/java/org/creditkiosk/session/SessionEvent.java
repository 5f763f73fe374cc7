package org.creditkiosk.session;

import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.signature.HandSignature;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportVerification;

/**
 * Everything that can happen to a session: devices, the platform's answers (tagged with the visit they belong
 * to, so a late answer for a finished visit is recognised), the citizen's intents, and operations.
 */
public sealed interface SessionEvent {

    // --- devices -------------------------------------------------------------------------------------------

    /** A card was read on the reader. */
    record CardPlaced(IdCardData card) implements SessionEvent {
        @Override
        public String toString() {
            return "CardPlaced[" + card + "]";
        }
    }

    /** The card left the reader. */
    record CardRemoved() implements SessionEvent {
    }

    /** The reader saw a card but could not read it (moved, unknown type, verification failed...). */
    record CardReadFailed(Notice.CardProblem problem) implements SessionEvent {
    }

    /** The city app's electronic credit ID code was scanned (already checked for the {@code XYYL1.} form). */
    record AppCodeScanned(String payload) implements SessionEvent {
        @Override
        public String toString() {
            return "AppCodeScanned[***]";
        }
    }

    /** A printed report's verification code was scanned. */
    record ReportCodeScanned(String reportNo) implements SessionEvent {
    }

    /** A code was scanned that the kiosk cannot use: not a credit report or app code, or a broken app code. */
    record CodeRejected(Notice.CodeProblem problem) implements SessionEvent {
    }

    // --- platform answers ------------------------------------------------------------------------------------

    record SessionOpened(long visit, PlatformSession session) implements SessionEvent {
    }

    record RecordLoaded(long visit, CreditRecord record) implements SessionEvent {
    }

    record ReportVerified(long visit, ReportVerification verification) implements SessionEvent {
    }

    /** A platform call failed; {@code operation} names it for the log only. */
    record PlatformFailed(long visit, String operation, PlatformException failure) implements SessionEvent {
    }

    /** The report was printed (or handed to the printer); {@code reportNo} for the farewell screen. */
    record PrintFinished(long visit, String reportNo) implements SessionEvent {
    }

    /**
     * The print flow ended without a report: a {@link Notice.PrintProblem} (paper, printer, signing ...) or a platform
     * refusal it turned into a notice (RECORD_CHANGED, PRINT_QUOTA_EXCEEDED ...). A failed platform call of the flow
     * arrives as {@link PlatformFailed}.
     */
    record PrintFailed(long visit, Notice notice) implements SessionEvent {
    }

    // --- the citizen -----------------------------------------------------------------------------------------

    /** Any touch or key: resets the idle timer. */
    record UserActivity() implements SessionEvent {
    }

    record ChooseOwnRecord() implements SessionEvent {
    }

    /** A represented organisation, or a USCC entered by hand (already checked for its check character). */
    record ChooseOrganization(String uscc) implements SessionEvent {
    }

    /** Back to the subject choice (representatives only). */
    record BackToChoice() implements SessionEvent {
    }

    record RequestPrint() implements SessionEvent {
    }

    record ConfirmPrint() implements SessionEvent {
    }

    /** Leave the print confirmation or the objection form, back to the record. */
    record BackToRecord() implements SessionEvent {
    }

    record StartObjection(String itemId) implements SessionEvent {
    }

    /** The citizen submits the objection form. */
    record SubmitObjection(ObjectionRequest request) implements SessionEvent {
        @Override
        public String toString() {
            return "SubmitObjection[" + request + "]";
        }
    }

    /** The platform accepted the objection. */
    record ObjectionFiled(long visit, ObjectionTicket ticket) implements SessionEvent {
    }

    /** "Finish" / "退出": the citizen is done. */
    /**
     * The citizen turned the elderly-friendly mode (适老化) on or off (the switch on every citizen screen). It lasts
     * until the visit ends; while on, every timeout is {@link Session#ELDERLY_TIMEOUT_FACTOR} times longer.
     */
    record SetElderlyMode(boolean on) implements SessionEvent {
    }

    record Finish() implements SessionEvent {
    }

    // --- time and operations ---------------------------------------------------------------------------------

    /** Periodic tick: the session checks its state's deadline against the clock. */
    record Tick() implements SessionEvent {
    }

    /**
     * A device became unavailable or available again. The kiosk keeps serving with what works (app codes without
     * the card reader, queries without the printer) and says so.
     */
    record DeviceAvailability(DeviceKind device, boolean available) implements SessionEvent {
    }

    /** The kiosk may not serve, for {@code cause}. A visit in progress may finish first. */
    record GoOutOfService(Notice.OutOfService cause) implements SessionEvent {
    }

    /** The {@code cause} is gone; the kiosk serves again when no cause is left. */
    record BackInService(Notice.OutOfService cause) implements SessionEvent {
    }

    record EnterMaintenance() implements SessionEvent {
    }

    record LeaveMaintenance() implements SessionEvent {
    }

    // --- credit commitments and complaints (contract 1.1, issue 15) ---------------------------------------------

    /** From the record: sign a credit commitment for the chosen subject. */
    record StartCommitment() implements SessionEvent {
    }

    /** The templates arrived. */
    record CommitmentTemplatesLoaded(long visit, java.util.List<CommitmentTemplate> templates) implements SessionEvent {
    }

    /** The citizen picked a template to read. */
    record ChooseTemplate(String templateId) implements SessionEvent {
    }

    /** The text was scrolled to its end (or fits the screen): signing becomes possible. */
    record TextReadToEnd() implements SessionEvent {
    }

    /** From the text to the signature pad (only once the text was read to its end). */
    record StartSigning() implements SessionEvent {
    }

    /** The citizen finished the signature on the pad. Refused with SIGNATURE_BLANK when it holds too little ink. */
    record SubmitSignature(HandSignature signature) implements SessionEvent {
        @Override
        public String toString() {
            return "SubmitSignature[" + signature + "]";
        }
    }

    /** Back one step: from the pad to the text, from the confirmation to the pad, from the text to the list. */
    record BackInCommitment() implements SessionEvent {
    }

    /** "Sign": the commitment is signed on the platform and printed. */
    record ConfirmCommitment() implements SessionEvent {
    }

    /** The platform recorded the commitment; printing follows. */
    record CommitmentSigned(long visit, SignedCommitment commitment) implements SessionEvent {
    }

    /** The commitment's paper (and slip) is out. */
    record CommitmentPrinted(long visit, String commitmentNo) implements SessionEvent {
    }

    /**
     * The commitment flow ended without paper after the platform call: a print problem, a signing fault or a failed
     * digest registration. A printer fault that keeps the paper at the desk (a reprintable {@code PrintProblem}) is
     * shown as such and offers a reprint; anything else is told as {@code COMMITMENT_PRINT_FAILED}.
     */
    record CommitmentPrintFailed(long visit, Notice notice) implements SessionEvent {
    }

    /** "Print again": the commitment's paper held at a printer fault, once staff fixed the printer. */
    record ReprintCommitment() implements SessionEvent {
    }

    /** From the record: file a complaint about dishonest conduct. */
    record StartComplaint() implements SessionEvent {
    }

    record SubmitComplaint(ComplaintRequest request) implements SessionEvent {
        @Override
        public String toString() {
            return "SubmitComplaint[" + request + "]";
        }
    }

    record ComplaintFiled(long visit, ComplaintTicket ticket) implements SessionEvent {
    }
}
