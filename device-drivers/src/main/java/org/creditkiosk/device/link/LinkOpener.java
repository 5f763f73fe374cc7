package org.creditkiosk.device.link;

import java.io.IOException;

/** Opens (or reopens, after an unplug) the link of a device. Drivers call it from their own thread. */
@FunctionalInterface
public interface LinkOpener {
    Link open() throws IOException;
}
