package org.creditkiosk.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.device.probe.SerialPorts;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kiosk device ports}: this machine's ports as JSON and as a table with the USB ids and by-id links. */
class PortsCommandTest {

    @Test
    void jsonListsEveryPortJSerialCommSees() throws Exception {
        StringWriter out = new StringWriter();
        int rc = new CommandLine(new KioskCommand()).setOut(new PrintWriter(out, true)).execute("device", "ports", "--json");
        assertThat(rc).isZero();
        JsonNode ports = Json.mapper().readTree(out.toString()).get("ports");
        assertThat(ports.isArray()).isTrue();
        assertThat(ports.size()).isEqualTo(SerialPorts.list().size());
        ports.forEach(p -> assertThat(p.fieldNames()).toIterable()
                .containsExactly("path", "description", "usbId", "serialNumber", "byId"));
    }

    @Test
    void tableShowsUsbIdSerialAndByIdLink() {
        String t = PortsCommand.table(List.of(
                new SerialPorts.Port("/dev/ttyUSB0", "CP2102 USB to UART Bridge", 0x10c4, 0xea60, "0001",
                        Optional.of("/dev/serial/by-id/usb-Silicon_Labs_CP2102-if00-port0")),
                new SerialPorts.Port("/dev/ttyS0", "Physical Port S0", -1, -1, "", Optional.empty())));
        List<String> lines = t.lines().toList();
        assertThat(lines.get(0)).startsWith("PATH").contains("USB ID", "SERIAL", "BY-ID LINK");
        assertThat(lines.get(1)).contains("10c4:ea60", "0001", "/dev/serial/by-id/usb-Silicon_Labs_CP2102-if00-port0");
        assertThat(lines.get(2)).startsWith("/dev/ttyS0").contains(" - ");
        assertThat(lines.get(1).indexOf("10c4:ea60")).isEqualTo(lines.get(0).indexOf("USB ID"));
    }
}
