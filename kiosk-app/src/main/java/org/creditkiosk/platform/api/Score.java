package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code CreditRecord.score}: the city's personal credit score (e.g. 桃花分), persons only. */
public record Score(String name, Integer value, Integer min, Integer max, String grade, Optional<LocalDate> asOf) {

    public Score {
        Require.text(name, "score.name");
        Require.present(value, "score.value");
        Require.present(min, "score.min");
        Require.present(max, "score.max");
        Require.text(grade, "score.grade");
        asOf = Require.optional(asOf);
    }
}
