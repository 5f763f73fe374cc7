package org.creditkiosk.device.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The by-id links and the lookup of a port by any of its names (udev name, by-id link, real path). */
class SerialPortsTest {

    @TempDir
    Path dir;

    @Test
    void byIdLinksMapTheRealDeviceToItsStableName() throws Exception {
        Path dev = Files.createFile(dir.resolve("ttyUSB3"));
        Path byId = Files.createDirectory(dir.resolve("by-id"));
        Path link = Files.createSymbolicLink(byId.resolve("usb-Silicon_Labs_CP2102_0001-if00-port0"), dev);
        assertThat(SerialPorts.byIdLinks(byId)).containsEntry(dev.toRealPath().toString(), link.toString());
        assertThat(SerialPorts.byIdLinks(dir.resolve("absent"))).isEmpty();

        SerialPorts.Port port = new SerialPorts.Port(dev.toString(), "CP2102 USB to UART", 0x10c4, 0xea60, "0001",
                Optional.of(link.toString()));
        assertThat(port.usbId()).isEqualTo("10c4:ea60");
        Path udevName = Files.createSymbolicLink(dir.resolve("kiosk-idcard"), dev);
        assertThat(SerialPorts.find(List.of(port), udevName.toString())).contains(port);
        assertThat(SerialPorts.find(List.of(port), link.toString())).contains(port);
        assertThat(SerialPorts.find(List.of(port), dir.resolve("ttyUSB9").toString())).isEmpty();
    }

    @Test
    void aPortWithoutUsbIdsIsNotUsb() {
        SerialPorts.Port p = new SerialPorts.Port("/dev/ttyS0", "Physical Port S0", -1, -1, "", Optional.empty());
        assertThat(p.isUsb()).isFalse();
        assertThat(p.usbId()).isEmpty();
    }
}
