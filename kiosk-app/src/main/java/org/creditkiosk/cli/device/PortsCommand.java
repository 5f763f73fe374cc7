package org.creditkiosk.cli.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditkiosk.cli.Columns;
import org.creditkiosk.device.probe.SerialPorts;
import org.creditkiosk.platform.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device ports}: the serial ports of this machine with what tells them apart (description, USB
 * VID:PID, serial number, the stable /dev/serial/by-id link). Opens no port.
 */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List the serial ports: path, description, USB VID:PID, serial number and /dev/serial/by-id link.",
            "Opens no port. Then 'kiosk device probe' finds which port holds the reader and the receipt printer."})
public final class PortsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"ports\":[{\"path\":…,\"description\":…,\"usbId\":…,\"serialNumber\":…,\"byId\":…}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SerialPorts.Port> ports = SerialPorts.list();
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(ports)));
            out.flush();
            return 0;
        }
        out.print(table(ports));
        if (ports.isEmpty()) {
            out.println("no serial ports found (is the USB-serial adapter plugged in? dmesg | tail shows it)");
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(List<SerialPorts.Port> ports) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode list = root.putArray("ports");
        for (SerialPorts.Port p : ports) {
            ObjectNode n = list.addObject();
            n.put("path", p.path());
            n.put("description", p.description());
            if (p.isUsb()) {
                n.put("usbId", p.usbId());
            } else {
                n.putNull("usbId");
            }
            if (p.serialNumber().isEmpty()) {
                n.putNull("serialNumber");
            } else {
                n.put("serialNumber", p.serialNumber());
            }
            if (p.byIdLink().isPresent()) {
                n.put("byId", p.byIdLink().get());
            } else {
                n.putNull("byId");
            }
        }
        return root;
    }

    static String table(List<SerialPorts.Port> ports) {
        String[] head = {"PATH", "DESCRIPTION", "USB ID", "SERIAL", "BY-ID LINK"};
        int[] w = new int[head.length];
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(head);
        for (SerialPorts.Port p : ports) {
            rows.add(new String[] {p.path(), p.description().isEmpty() ? "-" : p.description(),
                p.isUsb() ? p.usbId() : "-", p.serialNumber().isEmpty() ? "-" : p.serialNumber(),
                p.byIdLink().orElse("-")});
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], Columns.width(r[i]));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                b.append(Columns.pad(r[i], w[i] + 2));
            }
            b.append(r[r.length - 1]).append(System.lineSeparator());
        }
        return b.toString();
    }
}
