package org.creditkiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contract {@code KioskConfig}, the decoded payload of a {@link ConfigBundle}. {@code settings} is open: the kiosk
 * applies the keys it knows and reports the others in its heartbeat.
 */
public record KioskConfig(Long version, Instant issuedAt, Optional<List<String>> kioskIds, Map<String, JsonNode> settings) {

    public KioskConfig {
        Require.present(version, "version");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Require.present(issuedAt, "issuedAt");
        kioskIds = Require.optional(kioskIds).map(List::copyOf);
        Require.present(settings, "settings");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Absent {@code kioskIds} targets every kiosk. */
    public boolean targets(String kioskId) {
        return kioskIds.map(ids -> ids.contains(kioskId)).orElse(true);
    }
}
