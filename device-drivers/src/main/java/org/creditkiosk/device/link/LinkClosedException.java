package org.creditkiosk.device.link;

import java.io.IOException;

/** The link is closed, or the device behind it went away (unplugged, far end closed). */
public final class LinkClosedException extends IOException {
    public LinkClosedException(String message) {
        super(message);
    }
}
