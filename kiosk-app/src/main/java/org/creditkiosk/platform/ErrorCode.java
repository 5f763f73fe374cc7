package org.creditkiosk.platform;

/** Contract {@code Error.code}. Clients decide on the code, not on the text. */
public enum ErrorCode {
    BAD_SIGNATURE, CLOCK_SKEW, REPLAYED_NONCE, KIOSK_DISABLED, CARD_REVOKED,
    QR_EXPIRED, QR_USED, SESSION_EXPIRED, NOT_AUTHORIZED, SUBJECT_NOT_FOUND,
    INVALID_ARGUMENT, RECORD_CHANGED, DIGEST_MISMATCH, OBJECTION_OPEN,
    PRINT_QUOTA_EXCEEDED, RATE_LIMITED, MAINTENANCE, INTERNAL,
    // --- contract 1.1, credit commitments (issue 15) ---
    /** signCommitment 409: the template's version or text differs from what was shown; fetch the templates again. */
    TEMPLATE_CHANGED,
    // since 1.1 (issue 12: getContent)
    NOT_FOUND;

    /** Unknown codes are to be treated like INTERNAL (contract, {@code Error.code}). */
    public static ErrorCode parse(String code) {
        if (code == null) {
            return INTERNAL;
        }
        try {
            return valueOf(code);
        } catch (IllegalArgumentException e) {
            return INTERNAL;
        }
    }
}
