package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.permits[]}: an administrative licence (双公示 - 行政许可). */
public record Permit(
        String itemId,
        String decisionNo,
        String title,
        String authority,
        LocalDate decidedOn,
        Optional<LocalDate> validUntil,
        Optional<String> status) {

    public Permit {
        Require.text(itemId, "itemId");
        Require.text(decisionNo, "decisionNo");
        Require.text(title, "title");
        Require.text(authority, "authority");
        Require.present(decidedOn, "decidedOn");
        validUntil = Require.optional(validUntil);
        status = Require.optional(status);
    }
}
