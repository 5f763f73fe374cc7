package org.creditkiosk.session;

import java.util.List;
import java.util.Optional;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.signature.HandSignature;

/**
 * The commitment and complaint part of a {@link SessionView} (contract 1.1, issue 15). Empty outside these flows.
 *
 * @param templates the templates that apply to the chosen subject; empty while they are being fetched
 * @param template  the template being read, signed or confirmed
 * @param textRead  the citizen scrolled to the end of the text: only then may they sign
 * @param signature the handwritten signature, from SIGNING_COMMITMENT on (personal data, wiped with the visit)
 * @param signed    the platform's record of the signed commitment (PRINTING_COMMITMENT, COMMITMENT_DONE)
 * @param complaintTicket the platform's ticket for the complaint (COMPLAINT_FILED)
 * @param pending   a platform call of the form is under way (the complaint is being filed)
 * @param reprintAvailable the signed commitment's paper is held at the print desk after a printer fault (paper out,
 *                  cover open, offline): the citizen may print it once more when staff fixed the printer
 */
public record ServicesView(
        Optional<List<CommitmentTemplate>> templates,
        Optional<CommitmentTemplate> template,
        boolean textRead,
        Optional<HandSignature> signature,
        Optional<SignedCommitment> signed,
        Optional<ComplaintTicket> complaintTicket,
        boolean pending,
        boolean reprintAvailable) {

    public static final ServicesView NONE = new ServicesView(Optional.empty(), Optional.empty(), false, Optional.empty(),
            Optional.empty(), Optional.empty(), false, false);

    public ServicesView {
        templates = templates.map(List::copyOf);
    }

    @Override
    public String toString() {
        return "ServicesView[" + template.map(CommitmentTemplate::templateId).orElse("-") + "]";
    }
}
