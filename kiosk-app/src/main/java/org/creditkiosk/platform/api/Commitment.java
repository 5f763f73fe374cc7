package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.commitments[]}: a credit commitment (信用承诺). */
public record Commitment(String itemId, String title, Optional<String> authority, LocalDate madeOn, Optional<Boolean> fulfilled) {

    public Commitment {
        Require.text(itemId, "itemId");
        Require.text(title, "title");
        authority = Require.optional(authority);
        Require.present(madeOn, "madeOn");
        fulfilled = Require.optional(fulfilled);
    }
}
