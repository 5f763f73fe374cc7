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
    MAINTENANCE;

    /** States in which a citizen's data may be held. */
    public boolean inSession() {
        return switch (this) {
            case AUTHENTICATING, CHOOSING_SUBJECT, LOADING_RECORD, SHOWING_RECORD, OBJECTING, CONFIRMING_PRINT,
                    PRINTING -> true;
            default -> false;
        };
    }
}
