package org.creditkiosk.printing;

import java.util.Arrays;
import java.util.Objects;
import org.creditkiosk.device.printer.ReceiptSlip;

/**
 * One thing to print for the citizen of the current session. Its {@link #id()} (kind + report number) is what makes
 * a job unique within a session: the same report is never printed twice. {@code toString()} carries no content.
 */
public sealed interface PrintJob permits PrintJob.Report, PrintJob.Receipt {

    /** Unique within a session, e.g. {@code A4:R2026-0001234}; safe for logs (report numbers are not personal). */
    String id();

    String reportNo();

    /** Forgets the content (called when the session ends). */
    void wipe();

    /** The signed A4 report PDF, in memory. */
    final class Report implements PrintJob {
        private final String reportNo;
        private final byte[] pdf;

        public Report(String reportNo, byte[] pdf) {
            this.reportNo = requireReportNo(reportNo);
            this.pdf = Objects.requireNonNull(pdf, "pdf").clone();
        }

        @Override
        public String id() {
            return "A4:" + reportNo;
        }

        @Override
        public String reportNo() {
            return reportNo;
        }

        public byte[] pdf() {
            return pdf.clone();
        }

        @Override
        public void wipe() {
            Arrays.fill(pdf, (byte) 0);
        }

        @Override
        public String toString() {
            return "PrintJob.Report[" + id() + ", " + pdf.length + " bytes]";
        }
    }

    /** The summary slip on the receipt printer. */
    final class Receipt implements PrintJob {
        private final String reportNo;
        private volatile ReceiptSlip slip;

        public Receipt(String reportNo, ReceiptSlip slip) {
            this.reportNo = requireReportNo(reportNo);
            this.slip = Objects.requireNonNull(slip, "slip");
        }

        @Override
        public String id() {
            return "SLIP:" + reportNo;
        }

        @Override
        public String reportNo() {
            return reportNo;
        }

        public ReceiptSlip slip() {
            return slip;
        }

        @Override
        public void wipe() {
            slip = new ReceiptSlip(java.util.List.of());
        }

        @Override
        public String toString() {
            return "PrintJob.Receipt[" + id() + "]";
        }
    }

    private static String requireReportNo(String reportNo) {
        Objects.requireNonNull(reportNo, "reportNo");
        if (reportNo.isBlank()) {
            throw new IllegalArgumentException("reportNo is blank");
        }
        return reportNo;
    }
}
