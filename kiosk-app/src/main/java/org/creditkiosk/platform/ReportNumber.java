package org.creditkiosk.platform;

import java.util.regex.Pattern;

/**
 * The platform's report numbers, e.g. {@code YLXY-20261127-0003-000187} (contract {@code ReportAllocation.reportNo}):
 * an issuer prefix of 2–8 capital letters, the issue date {@code yyyyMMdd}, the kiosk's 4-digit sequence and a
 * 6-digit serial. A report number goes into URL paths ({@code /v1/reports/{reportNo}/...}), file names (the demo
 * printer) and onto paper, so one that breaks this form is refused before it is used: from the platform it is a
 * protocol error, from a scanned code a malformed code, from kiosk code a programming error.
 */
public final class ReportNumber {

    /** The whole form; nothing else (no separator, dot, percent sign, space or control character) can match. */
    public static final Pattern PATTERN = Pattern.compile("[A-Z]{2,8}-[0-9]{8}-[0-9]{4}-[0-9]{6}");
    /** The longest number {@link #PATTERN} admits. */
    public static final int MAX_LENGTH = 8 + 1 + 8 + 1 + 4 + 1 + 6;
    /** How the form reads in messages. */
    public static final String FORM = "YLXY-yyyyMMdd-nnnn-nnnnnn";

    private ReportNumber() {
    }

    public static boolean isValid(String reportNo) {
        return reportNo != null && reportNo.length() <= MAX_LENGTH && PATTERN.matcher(reportNo).matches();
    }

    /** {@code reportNo} if valid, else an {@link IllegalArgumentException} that quotes it only made safe for a log. */
    public static String require(String reportNo) {
        if (!isValid(reportNo)) {
            throw new IllegalArgumentException("not a report number of the form " + FORM + ": '"
                    + UntrustedText.forLog(reportNo, 40) + "'");
        }
        return reportNo;
    }
}
