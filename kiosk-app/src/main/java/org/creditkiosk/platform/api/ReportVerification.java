package org.creditkiosk.platform.api;

import java.time.Instant;
import java.util.Optional;

/** Contract {@code ReportVerification}. */
public record ReportVerification(
        String reportNo,
        Status status,
        Optional<String> sha256,
        Optional<Integer> pages,
        Optional<Instant> issuedAt,
        Optional<String> subjectNameMasked) {

    public enum Status { VALID, EXPIRED, REVOKED, UNKNOWN }

    public ReportVerification {
        Require.text(reportNo, "reportNo");
        Require.present(status, "status");
        sha256 = Require.optional(sha256);
        pages = Require.optional(pages);
        issuedAt = Require.optional(issuedAt);
        subjectNameMasked = Require.optional(subjectNameMasked);
    }
}
