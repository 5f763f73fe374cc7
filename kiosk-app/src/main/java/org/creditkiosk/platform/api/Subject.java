package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.subject}. */
public record Subject(
        SubjectKind kind,
        String name,
        Optional<String> idNumberMasked,
        Optional<String> uscc,
        Optional<String> legalRepresentative,
        Optional<String> registeredAddress,
        Optional<LocalDate> establishedOn,
        Optional<String> registrationStatus) {

    public Subject {
        Require.present(kind, "subject.kind");
        Require.text(name, "subject.name");
        idNumberMasked = Require.optional(idNumberMasked);
        uscc = Require.optional(uscc);
        legalRepresentative = Require.optional(legalRepresentative);
        registeredAddress = Require.optional(registeredAddress);
        establishedOn = Require.optional(establishedOn);
        registrationStatus = Require.optional(registrationStatus);
    }

    @Override
    public String toString() {
        return "Subject[" + kind + ", " + uscc.or(() -> idNumberMasked).orElse("-") + "]";
    }
}
