package org.creditkiosk.device.probe;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The serial ports of this machine, as a technician needs them to tell devices apart: path, description, USB
 * vendor and product id, serial number and the stable {@code /dev/serial/by-id} link. Pseudo-terminals are not
 * listed (jSerialComm never lists them); {@code kiosk device probe --ports} takes any path.
 */
public final class SerialPorts {

    /** One port; {@code vendorId}/{@code productId} are -1 and {@code serialNumber} empty for a non-USB port. */
    public record Port(String path, String description, int vendorId, int productId, String serialNumber,
            Optional<String> byIdLink) {

        public boolean isUsb() {
            return vendorId >= 0 && productId >= 0;
        }

        /** {@code 10c4:ea60}, or empty for a non-USB port. */
        public String usbId() {
            return isUsb() ? String.format("%04x:%04x", vendorId, productId) : "";
        }
    }

    public static final Path BY_ID = Path.of("/dev/serial/by-id");

    private SerialPorts() {
    }

    /** The ports jSerialComm sees, sorted by path. */
    public static List<Port> list() {
        Map<String, String> links = byIdLinks(BY_ID);
        List<Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String path = p.getSystemPortPath();
            String serial = p.getSerialNumber();
            ports.add(new Port(path, Optional.ofNullable(p.getPortDescription()).orElse(""), p.getVendorID(),
                    p.getProductID(), serial == null || serial.equalsIgnoreCase("Unknown") ? "" : serial,
                    Optional.ofNullable(links.get(real(Path.of(path))))));
        }
        ports.sort(Comparator.comparing(Port::path));
        return ports;
    }

    /** The port a path names, from the list (by its real path, so a udev or by-id name finds its port). */
    public static Optional<Port> find(List<Port> ports, String path) {
        String real = real(Path.of(path));
        return ports.stream().filter(p -> p.path().equals(path) || real(Path.of(p.path())).equals(real)).findFirst();
    }

    /** {@code real device path -> by-id link} for the links in {@code dir} (none when it does not exist). */
    public static Map<String, String> byIdLinks(Path dir) {
        Map<String, String> links = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return links;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(link -> links.putIfAbsent(real(link), link.toString()));
        } catch (IOException e) {
            // an unreadable folder lists no links; the ports are still listed
        }
        return links;
    }

    static String real(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }
}
