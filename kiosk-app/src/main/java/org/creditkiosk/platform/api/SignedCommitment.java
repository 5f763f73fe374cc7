package org.creditkiosk.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Contract 1.1 {@code Commitment}: the answer of {@code signCommitment}, a commitment signed and recorded. (Named so
 * beside {@link Commitment}, the record's {@code commitments[]} item.)
 */
public record SignedCommitment(
        String commitmentNo,
        String templateId,
        String title,
        Optional<String> subjectNameMasked,
        Instant signedAt,
        Optional<LocalDate> publicUntil,
        String verifyUrl) {

    public SignedCommitment {
        Require.text(commitmentNo, "commitmentNo");
        Require.text(templateId, "templateId");
        Require.text(title, "title");
        subjectNameMasked = Require.optional(subjectNameMasked);
        Require.present(signedAt, "signedAt");
        publicUntil = Require.optional(publicUntil);
        Require.text(verifyUrl, "verifyUrl");
    }
}
