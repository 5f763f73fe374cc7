package org.creditkiosk.session;

import java.util.Optional;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.CreditRecord;
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
    record CardReadFailed(String code) implements SessionEvent {
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

    /**
     * A code was scanned that the kiosk cannot use; {@code code} is a notice code: QR_UNKNOWN (not a credit report or
     * app code) or QR_MALFORMED (looks like an app code but is broken).
     */
    record CodeRejected(String code) implements SessionEvent {
    }

    // --- platform answers ------------------------------------------------------------------------------------

    record SessionOpened(long visit, PlatformSession session) implements SessionEvent {
    }

    record RecordLoaded(long visit, CreditRecord record) implements SessionEvent {
    }

    record ReportVerified(long visit, ReportVerification verification) implements SessionEvent {
    }

    record PlatformFailed(long visit, String operation, PlatformException failure) implements SessionEvent {
    }

    /** The report was printed (or handed to the printer); {@code reportNo} for the farewell screen. */
    record PrintFinished(long visit, String reportNo) implements SessionEvent {
    }

    /** Printing failed; {@code code} names why (PAPER_OUT, PRINTER_OFFLINE, RECORD_CHANGED, PRINT_QUOTA_EXCEEDED ...). */
    record PrintFailed(long visit, String code, Optional<PlatformException> failure) implements SessionEvent {
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
    record Finish() implements SessionEvent {
    }

    // --- time and operations ---------------------------------------------------------------------------------

    /** Periodic tick: the session checks its state's deadline against the clock. */
    record Tick() implements SessionEvent {
    }

    /**
     * A device became unavailable or available again ({@code device} is a {@code DeviceKind} name). The kiosk keeps
     * serving with what works (app codes without the card reader, queries without the printer) and says so.
     */
    record DeviceAvailability(String device, boolean available) implements SessionEvent {
    }

    /**
     * The kiosk may not serve; {@code reason} is the cause: {@link #PLATFORM} (the platform does not answer) or
     * {@link #REMOTE} (the administrators said so). A visit in progress may finish first.
     */
    record GoOutOfService(String reason) implements SessionEvent {
        public static final String PLATFORM = "PLATFORM";
        public static final String REMOTE = "REMOTE";
        /** The stored configuration bundle failed its check at start: out of service until administrators push a fix. */
        public static final String CONFIGURATION = "CONFIGURATION";
    }

    /** The cause {@code reason} is gone; the kiosk serves again when no cause is left. */
    record BackInService(String reason) implements SessionEvent {
    }

    record EnterMaintenance() implements SessionEvent {
    }

    record LeaveMaintenance() implements SessionEvent {
    }
}
