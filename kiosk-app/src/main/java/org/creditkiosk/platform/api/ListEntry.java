package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Contract {@code ListEntry}: one red-list (honour) or black-list (serious dishonesty) listing. */
public record ListEntry(
        String itemId,
        String listName,
        String authority,
        Optional<String> reason,
        LocalDate listedOn,
        Optional<LocalDate> validUntil,
        List<String> measures,
        Optional<Boolean> repairable,
        Optional<String> repairGuide) {

    public ListEntry {
        Require.text(itemId, "itemId");
        Require.text(listName, "listName");
        Require.text(authority, "authority");
        reason = Require.optional(reason);
        Require.present(listedOn, "listedOn");
        validUntil = Require.optional(validUntil);
        measures = Require.list(measures);
        repairable = Require.optional(repairable);
        repairGuide = Require.optional(repairGuide);
    }
}
