package org.creditkiosk.assembly;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.device.link.LinkOpener;

/**
 * Where a kiosk's parts come from: the only thing in which a demo kiosk differs from a hall's (DESIGN.md §2, "one
 * assembly"). A hall's sources are its configuration files, serial ports and CUPS queue; the demo's are the same
 * settings with the embedded platform's URL, a generated demo keystore, secret and PIN laid over them, and the
 * simulators' in-memory lines instead of serial ports. Everything else, {@link KioskAssembly} wires the same way.
 *
 * @param settings  the effective configuration the kiosk runs with
 * @param reader    the ID card reader's line; empty when none is configured
 * @param receipt   the receipt printer's line; empty when none is configured
 * @param scanner   a serial QR scanner's line; empty for none (a keyboard-wedge scanner needs no line)
 * @param a4        the A4 report printer
 * @param demo      the demo's stand-ins for the citizen's hands (demo panel, tests); empty in a hall
 * @param resources what the sources started (simulators, the embedded platform), closed with the kiosk
 */
public record KioskSources(KioskSettings settings, Optional<LinkOpener> reader, Optional<LinkOpener> receipt,
        Optional<LinkOpener> scanner, A4Printer a4, Optional<DemoDevices> demo, List<AutoCloseable> resources) {

    public KioskSources {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(reader);
        Objects.requireNonNull(receipt);
        Objects.requireNonNull(scanner);
        Objects.requireNonNull(a4);
        Objects.requireNonNull(demo);
        resources = List.copyOf(resources);
    }
}
