package org.creditkiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.e2e.HallFiles;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk doctor} against a complete hall set-up (platform stand-in, reader and receipt printer on socat ports,
 * the cups-pdf queue): every line OK and exit 0; then each piece taken away is named by its own FAIL line.
 */
class DoctorCommandTest {

    private static final String QUEUE = "KioskPDF";

    private record Result(int code, String out, JsonNode json) {
        String status(String check) {
            for (JsonNode c : json.get("checks")) {
                if (c.get("name").asText().equals(check)) {
                    return c.get("status").asText() + " " + c.get("detail").asText();
                }
            }
            throw new AssertionError("no check " + check + " in " + out);
        }
    }

    private static Result doctor(Path file, boolean json) throws Exception {
        StringWriter out = new StringWriter();
        DoctorCommand cmd = new DoctorCommand();
        cmd.environment = Map.of();
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new PrintWriter(out));
        int code = json ? cli.execute("--file", file.toString(), "--json") : cli.execute("--file", file.toString());
        return new Result(code, out.toString(), json ? Json.mapper().readTree(out.toString()) : null);
    }

    private static Path write(Path dir, Map<String, String> values) throws Exception {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve("kiosk-" + System.nanoTime() + ".properties"), b.toString());
    }

    @Test
    void aCompleteHallPassesAndEachMissingPieceIsNamed(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        assumeTrue(Stream.of(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName)
                .anyMatch(QUEUE::equals), "CUPS queue " + QUEUE + " is missing");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), "YL-HALL-01-K03", hall.secret, Clock.systemUTC());
             SocatPair readerLine = SocatPair.start();
             SocatPair receiptLine = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200));
             EscPosPrinterSimulator receipt = new EscPosPrinterSimulator(
                     SerialPortLink.open(receiptLine.devicePath(), SerialSettings.of8N1(115200))).start()) {
            reader.attach(SerialPortLink.open(readerLine.devicePath(), SerialSettings.of8N1(115200)));
            Map<String, String> values = new LinkedHashMap<>(hall.settings());
            values.put("platform.url", platform.baseUrl());
            values.put("kiosk.id", "YL-HALL-01-K03");
            values.put("devices.idcard.port", readerLine.hostPath());
            values.put("devices.receipt.port", receiptLine.hostPath());
            values.put("printer.reportQueue", QUEUE);

            Result table = doctor(write(dir, values), false);
            assertThat(table.code()).as(table.out()).isZero();
            assertThat(table.out()).contains("READY").doesNotContain("FAIL");
            assertThat(table.out()).containsPattern("OK +ID card reader +.*SAM status OK");
            assertThat(table.out()).containsPattern("OK +receipt printer +.*DLE EOT status ready");
            assertThat(table.out()).containsPattern("OK +hall keystore +.*CN=Test Hall Seal");
            assertThat(table.out()).containsPattern("OK +platform +reachable");

            Result ok = doctor(write(dir, values), true);
            assertThat(ok.json().get("result").asText()).isEqualTo("OK");

            Map<String, String> noQueue = new LinkedHashMap<>(values);
            noQueue.put("printer.reportQueue", "NoSuchQueue");
            Result q = doctor(write(dir, noQueue), true);
            assertThat(q.code()).isEqualTo(1);
            assertThat(q.status("A4 printer queue")).startsWith("FAIL");

            Map<String, String> deadReader = new LinkedHashMap<>(values);
            deadReader.put("devices.idcard.port", dir.resolve("no-such-tty").toString());
            assertThat(doctor(write(dir, deadReader), true).status("ID card reader")).startsWith("FAIL").contains("cannot be opened");

            Map<String, String> wrongSecret = new LinkedHashMap<>(values);
            wrongSecret.put("kiosk.id", "YL-HALL-01-K99");
            assertThat(doctor(write(dir, wrongSecret), true).status("platform")).startsWith("FAIL");

            Map<String, String> noKeys = new LinkedHashMap<>(values);
            noKeys.remove("config.trustedKeysFile");
            assertThat(doctor(write(dir, noKeys), true).status("administrators' keys")).startsWith("FAIL");

            Map<String, String> typo = new LinkedHashMap<>(values);
            typo.put("devices.idcard.prot", "/dev/ttyUSB0");
            assertThat(doctor(write(dir, typo), true).status("configuration keys")).startsWith("FAIL").contains("devices.idcard.port");
        }
    }

    @Test
    void anInvalidTechnicianFileIsAFailedLayer(@TempDir Path dir) throws Exception {
        Result r = doctor(Files.writeString(dir.resolve("k.properties"), "platform.connectTimeoutMs=banana\n"), true);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.status("configuration layers")).startsWith("FAIL").contains("platform.connectTimeoutMs");
    }
}
