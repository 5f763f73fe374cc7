package org.creditkiosk.report;

import java.util.Arrays;
import java.util.Objects;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.SubjectKind;

/**
 * What a printed commitment (信用承诺书) shows (issue 15): the template's verbatim text, the platform's number and
 * link, the subject (name and masked number or USCC) and the handwritten signature as a PNG. In memory only.
 *
 * @param subjectId the masked identity number of a person, or an organisation's USCC
 * @param signaturePng the PNG of the handwritten signature (personal data; {@link #wipe()} zeroes it)
 */
public record CommitmentPaper(CommitmentTemplate template, SignedCommitment commitment, SubjectKind subjectKind,
                              String subjectName, String subjectId, byte[] signaturePng) {

    public CommitmentPaper {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(signaturePng, "signaturePng");
    }

    public void wipe() {
        Arrays.fill(signaturePng, (byte) 0);
    }

    @Override
    public String toString() {
        return "CommitmentPaper[" + commitment.commitmentNo() + "]";
    }
}
