package org.creditkiosk.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Contract 1.1 {@code CommitmentTemplate}: a credit commitment form (信用承诺书) the session's person may sign. The
 * paragraphs are shown and printed verbatim; {@link #textSha256()} is the SHA-256 of their UTF-8 bytes joined with a
 * single newline, and goes back to the platform with the signature ({@code CommitmentRequest.textSha256}).
 *
 * <p>The record checks the contract's bounds. Whether the hash matches the paragraphs is a separate question
 * ({@link #textMatches()}): the client refuses such an answer as a protocol error, the CLI refuses to render it.
 */
public record CommitmentTemplate(
        String templateId,
        Integer version,
        Kind kind,
        String title,
        String department,
        Optional<String> matter,
        List<String> paragraphs,
        String textSha256,
        Optional<Integer> publicDays) {

    /** The four kinds of the city's plan (DOMAIN.md, "Credit commitments"). */
    public enum Kind {
        /** 审批替代型: made instead of submitting certificates for an approval (告知承诺). */
        APPROVAL_SUBSTITUTE("审批替代型"),
        /** 主动型: a voluntary public commitment. */
        VOLUNTARY("主动型"),
        /** 行业自律型: industry self-discipline, through a trade association. */
        INDUSTRY_SELF_DISCIPLINE("行业自律型"),
        /** 信用修复型: made when applying for credit repair. */
        CREDIT_REPAIR("信用修复型");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        /** The kind's Chinese name, as printed. */
        public String chinese() {
            return chinese;
        }
    }

    public static final int MAX_TITLE = 100;
    public static final int MAX_PARAGRAPHS = 40;
    public static final int MAX_PARAGRAPH = 2000;

    public CommitmentTemplate {
        Require.text(templateId, "templateId");
        Require.present(version, "version");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Require.present(kind, "kind");
        Require.text(title, "title");
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title is longer than " + MAX_TITLE + " characters");
        }
        Require.text(department, "department");
        matter = Require.optional(matter);
        Require.present(paragraphs, "paragraphs");
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("paragraphs is empty: there is no text to sign");
        }
        if (paragraphs.size() > MAX_PARAGRAPHS) {
            throw new IllegalArgumentException("paragraphs has more than " + MAX_PARAGRAPHS + " items");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).length() > MAX_PARAGRAPH) {
                throw new IllegalArgumentException("paragraphs[" + i + "] is longer than " + MAX_PARAGRAPH + " characters");
            }
        }
        Require.text(textSha256, "textSha256");
        if (!textSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("textSha256 must be 64 lowercase hex characters");
        }
        publicDays = Require.optional(publicDays);
    }

    /** The contract's text hash: SHA-256 of the UTF-8 bytes of the paragraphs joined with a single newline. */
    public static String textSha256(List<String> paragraphs) {
        try {
            byte[] text = String.join("\n", paragraphs).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Whether {@link #textSha256()} is the hash of {@link #paragraphs()}: the text shown is the text signed. */
    public boolean textMatches() {
        return textSha256.equals(textSha256(paragraphs));
    }

    @Override
    public String toString() {
        return "CommitmentTemplate[" + templateId + " v" + version + ", " + kind + "]";
    }
}
