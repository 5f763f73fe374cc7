package org.creditkiosk.report;

import java.util.Arrays;
import org.creditkiosk.platform.api.ReportDigest;

/**
 * A finished, signed report, in memory only (it is printed from memory and never written to disk by the kiosk).
 *
 * @param reportNo the platform's report number
 * @param pdf      the signed PDF (a copy on the way in and out: the bytes are what was signed)
 * @param pages    page count
 * @param sha256   lowercase hex SHA-256 of {@code pdf}, for the contract's {@code registerReportDigest}
 * @param placeholders characters no bundled font has, printed as a visible placeholder (0 in a good report)
 */
public record SignedReport(String reportNo, byte[] pdf, int pages, String sha256, int placeholders) {

    public SignedReport {
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    public int size() {
        return pdf.length;
    }

    /** The body of {@code registerReportDigest}. */
    public ReportDigest digest() {
        return new ReportDigest(sha256, pages);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedReport r && r.reportNo.equals(reportNo) && Arrays.equals(r.pdf, pdf);
    }

    @Override
    public int hashCode() {
        return reportNo.hashCode() * 31 + Arrays.hashCode(pdf);
    }

    @Override
    public String toString() {
        return "SignedReport[" + reportNo + ", " + pages + " pages, " + pdf.length + " bytes, sha256 " + sha256 + "]";
    }
}
