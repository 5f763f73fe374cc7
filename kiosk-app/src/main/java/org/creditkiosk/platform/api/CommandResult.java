package org.creditkiosk.platform.api;

import java.util.Optional;

/** Body of {@code reportCommandResult}: the outcome of a remote command. */
public record CommandResult(Outcome outcome, Optional<String> detail) {

    public enum Outcome { DONE, FAILED, REJECTED }

    public CommandResult {
        Require.present(outcome, "outcome");
        detail = Require.optional(detail);
        detail.ifPresent(d -> {
            if (d.length() > 500) {
                throw new IllegalArgumentException("detail is longer than 500 characters");
            }
        });
    }
}
