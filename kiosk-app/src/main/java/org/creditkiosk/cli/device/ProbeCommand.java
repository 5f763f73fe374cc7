package org.creditkiosk.cli.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.cli.Columns;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.TechnicianFile;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.probe.DeviceProbe;
import org.creditkiosk.device.probe.DeviceProbe.Device;
import org.creditkiosk.device.probe.SerialPorts;
import org.creditkiosk.platform.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device probe}: which port holds the ID card reader (SAM status query) and which the receipt printer
 * (DLE EOT status), at the usual baud rates; prints nothing on paper, reads no card, at most 3 s a port (ports are
 * probed in parallel). See {@link DeviceProbe}.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Find which serial port holds the ID card reader and which the receipt printer.",
            "Asks each port the printer's status (DLE EOT) and the reader's SAM status at 115200, 9600, 57600, 38400"
                + " and 19200 baud; prints nothing, reads no card, at most 3 s a port.",
            "A serial QR scanner is silent until it scans: its port shows as UNKNOWN (check it with 'kiosk device scan').",
            "Stop the kiosk service first: a port can only be held by one program."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:probed (see the table: a port may still be UNKNOWN)", "2:bad command line",
            "4:no ports to probe", "5:--write refused: two ports hold the same kind of device, or the file cannot be written"})
public final class ProbeCommand implements Callable<Integer> {

    @Option(names = "--ports", split = ",", paramLabel = "P1,P2,…",
            description = "Ports to probe (default: every port 'kiosk device ports' lists).")
    List<String> ports;

    @Option(names = "--json", description = "Print {\"ports\":[{\"port\":\"/dev/ttyUSB0\",\"device\":\"ID_CARD_READER\",\"baud\":115200}, …]}"
            + " with device ID_CARD_READER, RECEIPT_PRINTER or UNKNOWN (baud null).")
    boolean json;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Store the found ports and baud rates in the technician's file (e.g. /etc/credit-kiosk/kiosk.properties), atomically, keeping every other line.")
    Path write;

    @Option(names = "--udev", description = "Print udev rules giving the found USB devices stable names (/dev/kiosk-idcard, /dev/kiosk-receipt).")
    boolean udev;

    @Spec
    CommandSpec spec;

    static final String SCANNER_HINT = "a serial QR scanner is silent until it scans, so its port shows as UNKNOWN:"
            + " check it with 'kiosk device scan --port PATH' and scan a code";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json && udev) {
            throw new ParameterException(spec.commandLine(), "--json and --udev print different things: give one of them");
        }
        List<SerialPorts.Port> known = SerialPorts.list();
        List<String> targets = ports != null ? ports.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : known.stream().map(SerialPorts.Port::path).toList();
        if (targets.isEmpty()) {
            err.println("no serial ports to probe (none listed by 'kiosk device ports'; give --ports)");
            err.flush();
            return 4;
        }
        List<DeviceProbe.Result> results = new DeviceProbe(SerialPortLink::open).probe(targets);
        if (json) {
            out.println(toJson(results));
        } else {
            out.print(table(results));
        }
        if (results.stream().anyMatch(r -> r.device() == Device.UNKNOWN)) {
            (json ? err : out).println("note: " + SCANNER_HINT);
        }
        out.flush();
        err.flush();
        if (udev) {
            out.print(udevRules(results, known));
            out.flush();
        }
        if (write != null) {
            return write(results, known, json ? err : out, err);
        }
        return 0;
    }

    private int write(List<DeviceProbe.Result> results, List<SerialPorts.Port> known, PrintWriter out, PrintWriter err) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Device d : List.of(Device.ID_CARD_READER, Device.RECEIPT_PRINTER)) {
            List<DeviceProbe.Result> found = results.stream().filter(r -> r.device() == d).toList();
            if (found.size() > 1) {
                err.println("not written: " + d + " found on " + found.stream().map(DeviceProbe.Result::port).toList()
                        + "; unplug one, or give --ports");
                err.flush();
                return 5;
            }
            if (found.size() == 1) {
                DeviceProbe.Result r = found.get(0);
                String port = stableName(r.port(), known);
                values.put(d == Device.ID_CARD_READER ? ConfigKeys.IDCARD_PORT.name() : ConfigKeys.RECEIPT_PORT.name(), port);
                values.put(d == Device.ID_CARD_READER ? ConfigKeys.IDCARD_BAUD.name() : ConfigKeys.RECEIPT_BAUD.name(),
                        Integer.toString(r.baud()));
            }
        }
        if (values.isEmpty()) {
            out.println("nothing written to " + write + ": no reader and no receipt printer found");
            out.flush();
            return 0;
        }
        try {
            TechnicianFile.set(write, values);
        } catch (IOException | IllegalArgumentException e) {
            err.println("not written: " + write + ": " + e.getMessage());
            err.flush();
            return 5;
        }
        values.forEach((k, v) -> out.println("written to " + write + ": " + k + "=" + v));
        out.flush();
        return 0;
    }

    /** The /dev/serial/by-id link of a port when it has one (stable across re-plugging), else the path as given. */
    static String stableName(String port, List<SerialPorts.Port> known) {
        return SerialPorts.find(known, port).flatMap(SerialPorts.Port::byIdLink).orElse(port);
    }

    static String toJson(List<DeviceProbe.Result> results) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode list = root.putArray("ports");
        for (DeviceProbe.Result r : results) {
            ObjectNode n = list.addObject();
            n.put("port", r.port());
            n.put("device", r.device().name());
            if (r.device() == Device.UNKNOWN) {
                n.putNull("baud");
            } else {
                n.put("baud", r.baud());
            }
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(List<DeviceProbe.Result> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PORT", "DEVICE", "BAUD", "DETAIL"});
        for (DeviceProbe.Result r : results) {
            rows.add(new String[] {r.port(), r.device().name(), r.device() == Device.UNKNOWN ? "-" : Integer.toString(r.baud()),
                r.detail()});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], Columns.width(r[i]));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(Columns.pad(r[0], w[0] + 2)).append(Columns.pad(r[1], w[1] + 2)).append(Columns.pad(r[2], w[2] + 2))
                    .append(r[3]).append(System.lineSeparator());
        }
        return b.toString();
    }

    static String udevRules(List<DeviceProbe.Result> results, List<SerialPorts.Port> known) {
        StringBuilder b = new StringBuilder("# /etc/udev/rules.d/99-credit-kiosk-local.rules (made by kiosk device probe --udev)\n")
                .append("# then: sudo udevadm control --reload && sudo udevadm trigger --subsystem-match=tty\n");
        for (DeviceProbe.Result r : results) {
            if (r.device() == Device.UNKNOWN) {
                continue;
            }
            String name = r.device() == Device.ID_CARD_READER ? "kiosk-idcard" : "kiosk-receipt";
            Optional<SerialPorts.Port> p = SerialPorts.find(known, r.port());
            if (p.isEmpty() || !p.get().isUsb()) {
                b.append("# ").append(r.port()).append(" (").append(r.device()).append("): not a USB device, no rule\n");
                continue;
            }
            SerialPorts.Port port = p.get();
            b.append("# ").append(r.device()).append(" on ").append(port.path()).append(" at ").append(r.baud())
                    .append(" baud\n");
            b.append(String.format("SUBSYSTEM==\"tty\", ATTRS{idVendor}==\"%04x\", ATTRS{idProduct}==\"%04x\"",
                    port.vendorId(), port.productId()));
            if (!port.serialNumber().isEmpty()) {
                b.append(", ATTRS{serial}==\"").append(port.serialNumber().replace("\"", "")).append('"');
            }
            b.append(", SYMLINK+=\"").append(name).append("\", GROUP=\"dialout\", MODE=\"0660\"\n");
        }
        return b.toString();
    }
}
