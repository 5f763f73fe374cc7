package org.creditkiosk.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Contract 1.1 {@code ComplaintTicket}: the platform received the complaint. */
public record ComplaintTicket(String ticketNo, Instant receivedAt, Optional<String> department, Optional<LocalDate> dueOn) {

    public ComplaintTicket {
        Require.text(ticketNo, "ticketNo");
        Require.present(receivedAt, "receivedAt");
        department = Require.optional(department);
        dueOn = Require.optional(dueOn);
    }
}
