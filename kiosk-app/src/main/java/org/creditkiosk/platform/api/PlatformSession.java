package org.creditkiosk.platform.api;

import java.time.Instant;
import java.util.List;

/** Contract {@code Session}: what {@code openSession} returns. */
public record PlatformSession(String sessionToken, Instant expiresAt, Person person, List<Representation> represents) {

    public PlatformSession {
        Require.text(sessionToken, "sessionToken");
        Require.present(expiresAt, "expiresAt");
        Require.present(person, "person");
        represents = Require.list(represents);
    }

    @Override
    public String toString() {
        return "PlatformSession[" + person + ", represents " + represents.size() + "]";
    }
}
