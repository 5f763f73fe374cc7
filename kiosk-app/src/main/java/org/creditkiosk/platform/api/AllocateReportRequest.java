package org.creditkiosk.platform.api;

/** Contract {@code AllocateReportRequest}. */
public record AllocateReportRequest(String recordId, Long recordVersion, ReportKind kind) {

    public enum ReportKind {
        /** The A4 report. */
        FULL,
        /** The receipt slip. */
        SUMMARY
    }

    public AllocateReportRequest {
        Require.text(recordId, "recordId");
        Require.present(recordVersion, "recordVersion");
        Require.present(kind, "kind");
    }
}
