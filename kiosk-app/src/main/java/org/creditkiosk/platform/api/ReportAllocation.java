package org.creditkiosk.platform.api;

import java.time.Instant;
import java.time.LocalDate;

/** Contract {@code ReportAllocation}: the report number and verification URL the platform hands out. */
public record ReportAllocation(String reportNo, String verifyUrl, Instant issuedAt, LocalDate validUntil) {

    public ReportAllocation {
        Require.text(reportNo, "reportNo");
        Require.text(verifyUrl, "verifyUrl");
        Require.present(issuedAt, "issuedAt");
        Require.present(validUntil, "validUntil");
    }
}
