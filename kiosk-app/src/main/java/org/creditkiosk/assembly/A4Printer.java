package org.creditkiosk.assembly;

import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.device.Device;
import org.creditkiosk.printing.PrintChannel;

/**
 * The A4 report printer as the assembly sees it: the channel jobs go to and, when it is a device with a health of
 * its own (the CUPS queue), that device for the watch, the heartbeat and the maintenance screen.
 */
public record A4Printer(String name, PrintChannel channel, Optional<Device> device) {
    public A4Printer {
        Objects.requireNonNull(name);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(device);
    }
}
