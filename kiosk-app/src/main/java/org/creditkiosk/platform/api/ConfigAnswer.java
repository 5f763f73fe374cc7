package org.creditkiosk.platform.api;

import java.util.Optional;

/**
 * What {@code getKioskConfig} returned: a bundle with its ETag, or nothing when the platform answered 304
 * (unchanged since the ETag the kiosk sent).
 */
public record ConfigAnswer(Optional<ConfigBundle> bundle, Optional<String> etag) {

    public ConfigAnswer {
        bundle = Require.optional(bundle);
        etag = Require.optional(etag);
    }

    public boolean unchanged() {
        return bundle.isEmpty();
    }
}
