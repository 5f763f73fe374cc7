package org.creditkiosk.platform.api;

import java.util.Optional;

/** Contract {@code Error}: the body of every non-2xx answer. {@code message} is for logs, never for citizens. */
public record ApiError(String code, String message, Optional<String> requestId) {

    public ApiError {
        Require.text(code, "code");
        Require.present(message, "message");
        requestId = Require.optional(requestId);
    }
}
