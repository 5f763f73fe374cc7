package org.creditkiosk.platform;

import java.util.Objects;

/** The bearer token of a citizen session. Never logged: {@link #toString()} hides it. */
public record SessionToken(String value) {

    public SessionToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
