package org.creditkiosk.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.device.idcard.IdCardFixtures;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.QrScannerSimulator;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk device probe} over socat pseudo-terminals: the reader simulator, the receipt printer simulator and a
 * serial QR scanner simulator (silent until it scans), given in different orders. Also: it prints nothing, reads no
 * card, and --write stores the ports in the technician's file.
 */
class ProbeCommandTest {

    private SocatPair readerPair;
    private SocatPair printerPair;
    private SocatPair scannerPair;
    private IdCardReaderSimulator reader;
    private EscPosPrinterSimulator printer;
    private QrScannerSimulator scanner;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        readerPair = SocatPair.start();
        printerPair = SocatPair.start();
        scannerPair = SocatPair.start();
        SerialSettings line = SerialSettings.of8N1(115200);
        reader = new IdCardReaderSimulator(line);
        reader.attach(SerialPortLink.open(readerPair.devicePath(), line));
        reader.placeCard(IdCardFixtures.resident());
        printer = new EscPosPrinterSimulator(SerialPortLink.open(printerPair.devicePath(), line)).start();
        scanner = new QrScannerSimulator(SerialPortLink.open(scannerPair.devicePath(), SerialSettings.of8N1(9600)),
                QrScannerSettings.defaults());
    }

    @AfterEach
    void unplug() {
        for (AutoCloseable c : new AutoCloseable[] {reader, printer, scanner, readerPair, printerPair, scannerPair}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // test teardown
            }
        }
    }

    private int kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of("device", "probe"));
        all.addAll(List.of(args));
        CommandLine cl = new CommandLine(new KioskCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void findsReaderAndPrinterInAnyOrderAndLeavesTheSilentScannerUnknown() throws Exception {
        String r = readerPair.hostPath();
        String p = printerPair.hostPath();
        String s = scannerPair.hostPath();

        assertThat(kiosk("--ports", String.join(",", s, p, r), "--json")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"ports\":["
                + "{\"port\":\"" + s + "\",\"device\":\"UNKNOWN\",\"baud\":null},"
                + "{\"port\":\"" + p + "\",\"device\":\"RECEIPT_PRINTER\",\"baud\":115200},"
                + "{\"port\":\"" + r + "\",\"device\":\"ID_CARD_READER\",\"baud\":115200}]}");
        assertThat(err.toString()).contains("kiosk device scan");

        out.getBuffer().setLength(0);
        assertThat(kiosk("--ports", String.join(",", r, s, p), "--json")).as(err.toString()).isZero();
        JsonNode ports = Json.mapper().readTree(out.toString()).get("ports");
        assertThat(ports).hasSize(3);
        assertThat(ports.get(0).get("port").asText()).isEqualTo(r);
        assertThat(ports.get(0).get("device").asText()).isEqualTo("ID_CARD_READER");
        assertThat(ports.get(1).get("device").asText()).isEqualTo("UNKNOWN");
        assertThat(ports.get(2).get("device").asText()).isEqualTo("RECEIPT_PRINTER");

        // Probing printed nothing (no slip, not even an abandoned one) and read no card.
        assertThat(printer.slips()).isEmpty();
        assertThat(printer.abandonedSlips()).isEmpty();
        assertThat(printer.statusQueries()).isPositive();
        assertThat(reader.lastPlacement().foundAtNanos()).isZero();
    }

    @Test
    void textTableNamesEachDeviceAndHintsAtTheScanner() {
        assertThat(kiosk("--ports", printerPair.hostPath() + "," + scannerPair.hostPath() + "," + readerPair.hostPath()))
                .as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("PORT").contains("DEVICE", "BAUD", "DETAIL");
        assertThat(lines.get(1)).startsWith(printerPair.hostPath()).contains("RECEIPT_PRINTER", "115200");
        assertThat(lines.get(2)).startsWith(scannerPair.hostPath()).contains("UNKNOWN", "no answer");
        assertThat(lines.get(3)).startsWith(readerPair.hostPath()).contains("ID_CARD_READER", "SAM status");
        assertThat(out.toString()).contains("silent until it scans", "kiosk device scan");
        // Both columns start at the same place on every line.
        int device = lines.get(0).indexOf("DEVICE");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.substring(device)).doesNotStartWith(" "));
    }

    @Test
    void writeStoresThePortsAtomicallyKeepingTheTechniciansOtherLines() throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, "# hall 3, kiosk 2\nkiosk.hallName=某某市政务服务中心\ndevices.idcard.port=/dev/old\n"
                + "devices.receipt.baud=9600\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(kiosk("--ports", printerPair.hostPath() + "," + readerPair.hostPath() + "," + scannerPair.hostPath(),
                "--write", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("written to " + file + ": devices.idcard.port=" + readerPair.hostPath());

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# hall 3, kiosk 2\nkiosk.hallName=某某市政务服务中心\n").doesNotContain("/dev/old");
        Properties p = new Properties();
        p.load(new java.io.StringReader(text));
        assertThat(p.getProperty("devices.idcard.port")).isEqualTo(readerPair.hostPath());
        assertThat(p.getProperty("devices.idcard.baud")).isEqualTo("115200");
        assertThat(p.getProperty("devices.receipt.port")).isEqualTo(printerPair.hostPath());
        assertThat(p.getProperty("devices.receipt.baud")).isEqualTo("115200");
        assertThat(p.getProperty("devices.scanner.port")).isNull();
        assertThat(text.lines().filter(l -> l.startsWith("devices.receipt.baud=")).count()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("kiosk.properties");
        }
    }

    @Test
    void writeRefusesTwoReaders() throws Exception {
        SocatPair second = SocatPair.start();
        SerialSettings line = SerialSettings.of8N1(115200);
        try (IdCardReaderSimulator other = new IdCardReaderSimulator(line)) {
            other.attach(SerialPortLink.open(second.devicePath(), line));
            Path file = dir.resolve("kiosk.properties");
            Files.writeString(file, "kiosk.hallName=x\n");
            assertThat(kiosk("--ports", readerPair.hostPath() + "," + second.hostPath(), "--write", file.toString()))
                    .isEqualTo(5);
            assertThat(err.toString()).contains("not written", "ID_CARD_READER");
            assertThat(Files.readString(file)).isEqualTo("kiosk.hallName=x\n");
        } finally {
            second.close();
        }
    }

    @Test
    void aMissingPortIsUnknownWithTheReason() {
        assertThat(kiosk("--ports", dir.resolve("no-such-tty").toString(), "--json")).isZero();
        assertThat(out.toString()).contains("\"device\":\"UNKNOWN\"");
        out.getBuffer().setLength(0);
        assertThat(kiosk("--ports", dir.resolve("no-such-tty").toString())).isZero();
        assertThat(out.toString()).contains("no such port");
    }
}
