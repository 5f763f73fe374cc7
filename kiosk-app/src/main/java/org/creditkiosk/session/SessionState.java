package org.creditkiosk.session;

/**
 * The states of the kiosk's citizen session (DESIGN.md §1). {@link #CHOOSING_SUBJECT}, {@link #CONFIRMING_PRINT}
 * and {@link #NOTICE} are additions to the design's list: a representative chooses whose record to see, a
 * citizen confirms before paper is used, anyone may check a printed report by its code, and a failure is explained on a screen of its own before the kiosk
 * returns to {@link #ATTRACT}.
 */
public enum SessionState {
    /** Waiting for a citizen: hall name, "place your ID card". */
    ATTRACT,
    /** A card was read or a code scanned; the platform is opening a session. */
    AUTHENTICATING,
    /** The person represents organisations: own record or one of theirs? */
    CHOOSING_SUBJECT,
    /** The record of the chosen subject is on its way. */
    LOADING_RECORD,
    /** The record is on screen. */
    SHOWING_RECORD,
    /** Filing an objection against one item. */
    OBJECTING,
    /** "Print this report?" */
    CONFIRMING_PRINT,
    /** The report is being allocated, rendered, signed and printed. */
    PRINTING,
    /** Thank you; take your card and your report. */
    FAREWELL,
    /** A printed report's code was scanned; the platform is checking it (no session, no personal data). */
    VERIFYING,
    /** The platform's verdict on a scanned report: valid, expired, revoked or unknown. */
    SHOWING_VERIFICATION,
    /** Something the citizen must know went wrong; the session is over. */
    NOTICE,
    /** The kiosk cannot serve (platform down, reader offline, administrators' command). */
    OUT_OF_SERVICE,
    /** Hall staff or a technician is working on the kiosk. */
    MAINTENANCE,

    // --- credit commitments and complaints (contract 1.1, issue 15) ---
    /** The commitment templates that apply to the chosen subject: being fetched, then listed. */
    CHOOSING_COMMITMENT,
    /** The whole text of one template; signing is possible once the citizen has scrolled to its end. */
    READING_COMMITMENT,
    /** The signature pad. */
    SIGNING_COMMITMENT,
    /** The text's title, hash and the signature: "sign this commitment?" */
    CONFIRMING_COMMITMENT,
    /** Signing on the platform, then rendering, signing with the hall key, registering and printing. */
    PRINTING_COMMITMENT,
    /** The commitment is signed (and printed, or the notice says why not): its number. */
    COMMITMENT_DONE,
    /** The complaint form (失信投诉). */
    COMPLAINING,
    /** The platform's ticket for the complaint. */
    COMPLAINT_FILED;

    /** States in which a citizen's data may be held. */
    public boolean inSession() {
        return switch (this) {
            case AUTHENTICATING, CHOOSING_SUBJECT, LOADING_RECORD, SHOWING_RECORD, OBJECTING, CONFIRMING_PRINT,
                    PRINTING -> true;
            case CHOOSING_COMMITMENT, READING_COMMITMENT, SIGNING_COMMITMENT, CONFIRMING_COMMITMENT, PRINTING_COMMITMENT,
                    COMMITMENT_DONE, COMPLAINING, COMPLAINT_FILED -> true;
            default -> false;
        };
    }
}
