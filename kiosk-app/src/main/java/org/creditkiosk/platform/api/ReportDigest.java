package org.creditkiosk.platform.api;

/** Body of {@code registerReportDigest}: SHA-256 (lowercase hex) of the final signed PDF and its page count. */
public record ReportDigest(String sha256, Integer pages) {

    public ReportDigest {
        Require.text(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex characters");
        }
        Require.present(pages, "pages");
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be at least 1");
        }
    }
}
