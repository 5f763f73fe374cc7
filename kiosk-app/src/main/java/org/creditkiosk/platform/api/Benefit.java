package org.creditkiosk.platform.api;

import java.util.Optional;

/** Contract {@code CreditRecord.benefits[]}: a trust-based convenience (信易+) the subject qualifies for. */
public record Benefit(String code, String name, Optional<String> description) {

    public Benefit {
        Require.text(code, "code");
        Require.text(name, "name");
        description = Require.optional(description);
    }
}
