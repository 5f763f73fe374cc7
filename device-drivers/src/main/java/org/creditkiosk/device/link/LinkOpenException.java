package org.creditkiosk.device.link;

import java.io.IOException;

/** A port could not be opened; {@link #reason()} says why in a form a technician can act on. */
public final class LinkOpenException extends IOException {

    public enum Reason {
        /** No such device path. Check the cable and the udev name. */
        NOT_FOUND,
        /** errno 13: the kiosk user is not allowed to open the port (add it to the {@code dialout} group). */
        PERMISSION_DENIED,
        /** Another process holds the port. */
        BUSY,
        /** Anything else; the message carries the native error code. */
        OTHER
    }

    private final Reason reason;

    public LinkOpenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
