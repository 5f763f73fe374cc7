package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.penalties[]}: an administrative penalty (双公示 - 行政处罚). Amounts in fen. */
public record Penalty(
        String itemId,
        String decisionNo,
        String violation,
        Optional<String> basis,
        String result,
        Optional<Long> fineFen,
        String authority,
        LocalDate decidedOn,
        Optional<LocalDate> publicUntil,
        Optional<Boolean> repaired) {

    public Penalty {
        Require.text(itemId, "itemId");
        Require.text(decisionNo, "decisionNo");
        Require.text(violation, "violation");
        basis = Require.optional(basis);
        Require.text(result, "result");
        fineFen = Require.optional(fineFen);
        fineFen.ifPresent(f -> {
            if (f < 0) {
                throw new IllegalArgumentException("fineFen must not be negative");
            }
        });
        Require.text(authority, "authority");
        Require.present(decidedOn, "decidedOn");
        publicUntil = Require.optional(publicUntil);
        repaired = Require.optional(repaired);
    }

    /** Credit repair completed: shown, but marked 已修复. */
    public boolean isRepaired() {
        return repaired.orElse(false);
    }
}
