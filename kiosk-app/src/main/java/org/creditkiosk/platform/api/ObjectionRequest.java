package org.creditkiosk.platform.api;

import java.util.Optional;

/** Contract {@code ObjectionRequest}. */
public record ObjectionRequest(String itemId, Optional<String> uscc, String reason, String contactPhone) {

    public ObjectionRequest {
        Require.text(itemId, "itemId");
        uscc = Require.optional(uscc);
        Require.present(reason, "reason");
        if (reason.strip().length() < 5 || reason.length() > 500) {
            throw new IllegalArgumentException("reason must be 5 to 500 characters");
        }
        Require.present(contactPhone, "contactPhone");
        if (!contactPhone.matches("1[3-9]\\d{9}")) {
            throw new IllegalArgumentException("contactPhone is not a mainland mobile number");
        }
    }

    @Override
    public String toString() {
        return "ObjectionRequest[" + itemId + ", phone " + Masking.phone(contactPhone) + "]";
    }
}
