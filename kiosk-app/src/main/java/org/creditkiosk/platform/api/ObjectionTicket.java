package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/** Contract {@code ObjectionTicket}. */
public record ObjectionTicket(String ticketNo, String itemId, Status status, Optional<LocalDate> filedOn, Optional<LocalDate> dueOn) {

    public enum Status { RECEIVED, IN_REVIEW, CORRECTED, UPHELD;

        /** Still being handled by the supplying department. */
        public boolean isOpen() {
            return this == RECEIVED || this == IN_REVIEW;
        }
    }

    public ObjectionTicket {
        Require.text(ticketNo, "ticketNo");
        Require.text(itemId, "itemId");
        Require.present(status, "status");
        filedOn = Require.optional(filedOn);
        dueOn = Require.optional(dueOn);
    }
}
