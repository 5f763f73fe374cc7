package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.judicial[]}: court information such as a dishonest judgment debtor listing. */
public record JudicialItem(String itemId, String caseNo, String court, Kind kind, LocalDate filedOn, Optional<String> status) {

    public enum Kind { DISHONEST_JUDGMENT_DEBTOR, CONSUMPTION_RESTRICTION, OTHER }

    public JudicialItem {
        Require.text(itemId, "itemId");
        Require.text(caseNo, "caseNo");
        Require.text(court, "court");
        Require.present(kind, "kind");
        Require.present(filedOn, "filedOn");
        status = Require.optional(status);
    }
}
