package org.creditkiosk.platform.api;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Contract 1.1 {@code CommitmentRequest}. {@code signatureImage} is the Base64 of a PNG of the handwritten signature:
 * personal data, so {@link #toString()} never shows it and nothing logs the request.
 */
public record CommitmentRequest(
        String templateId,
        Integer templateVersion,
        String textSha256,
        Optional<String> uscc,
        String signatureImage,
        Instant signedAt) {

    /** The contract's {@code maxLength} of the Base64 text. */
    public static final int MAX_IMAGE_CHARS = 400_000;
    /** The contract's largest signature image, in pixels. */
    public static final int MAX_WIDTH = 1200;
    public static final int MAX_HEIGHT = 600;

    public CommitmentRequest {
        Require.text(templateId, "templateId");
        Require.present(templateVersion, "templateVersion");
        if (templateVersion < 1) {
            throw new IllegalArgumentException("templateVersion must be at least 1");
        }
        Require.text(textSha256, "textSha256");
        if (!textSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("textSha256 must be 64 lowercase hex characters");
        }
        uscc = Require.optional(uscc);
        Require.text(signatureImage, "signatureImage");
        if (signatureImage.length() > MAX_IMAGE_CHARS) {
            throw new IllegalArgumentException("signatureImage is longer than " + MAX_IMAGE_CHARS + " Base64 characters");
        }
        Require.present(signedAt, "signedAt");
    }

    /** The request for {@code template}, signed with the PNG bytes {@code png} at {@code signedAt}. */
    public static CommitmentRequest of(CommitmentTemplate template, Optional<String> uscc, byte[] png, Instant signedAt) {
        return new CommitmentRequest(template.templateId(), template.version(), template.textSha256(), uscc,
                Base64.getEncoder().encodeToString(png), signedAt);
    }

    /** The signature's PNG bytes (a fresh copy). */
    public byte[] signaturePng() {
        return Base64.getDecoder().decode(signatureImage);
    }

    @Override
    public String toString() {
        return "CommitmentRequest[" + templateId + " v" + templateVersion + uscc.map(u -> ", for an organisation").orElse("")
                + ", signature " + signatureImage.length() + " chars]";
    }
}
