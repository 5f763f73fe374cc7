package org.creditkiosk.platform.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Contract {@code ReportVerification}. Since 1.1 {@code kind} tells reports and commitments apart (absent means
 * REPORT: {@link #effectiveKind()}) and {@code title} names a commitment.
 */
public record ReportVerification(
        String reportNo,
        Status status,
        Optional<String> sha256,
        Optional<Integer> pages,
        Optional<Instant> issuedAt,
        Optional<String> subjectNameMasked,
        Optional<Kind> kind,
        Optional<String> title) {

    public enum Status { VALID, EXPIRED, REVOKED, UNKNOWN }

    /** Since 1.1. */
    public enum Kind { REPORT, COMMITMENT }

    public ReportVerification {
        Require.text(reportNo, "reportNo");
        Require.present(status, "status");
        sha256 = Require.optional(sha256);
        pages = Require.optional(pages);
        issuedAt = Require.optional(issuedAt);
        subjectNameMasked = Require.optional(subjectNameMasked);
        kind = Require.optional(kind);
        title = Require.optional(title);
    }

    /** A 1.0 answer (no kind, no title): a report. */
    public ReportVerification(String reportNo, Status status, Optional<String> sha256, Optional<Integer> pages,
                              Optional<Instant> issuedAt, Optional<String> subjectNameMasked) {
        this(reportNo, status, sha256, pages, issuedAt, subjectNameMasked, Optional.empty(), Optional.empty());
    }

    /** The contract: absent means REPORT. */
    public Kind effectiveKind() {
        return kind.orElse(Kind.REPORT);
    }
}
