package org.creditkiosk.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.device.idcard.CardType;
import org.creditkiosk.device.idcard.IdCardFixtures;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kiosk device read-card} against the simulator on the far end of a socat pair. */
class ReadCardCommandTest {

    private static final SerialSettings LINE = SerialSettings.of8N1(115200);

    private SocatPair pair;
    private IdCardReaderSimulator simulator;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        pair = SocatPair.start();
        simulator = new IdCardReaderSimulator(LINE);
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new KioskCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("device", "read-card"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private void attach() throws Exception {
        simulator.attach(SerialPortLink.open(pair.devicePath(), LINE));
    }

    @Test
    void readsACardAsContractJsonWithTheNumberMasked() throws Exception {
        attach();
        IdentityCard card = IdCardFixtures.byType(CardType.FOREIGN_PERMANENT_RESIDENT, 0);
        simulator.placeCard(card);
        assertThat(run("--port", pair.hostPath(), "--json", "--timeout-ms", "3000")).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("cardType", "name", "englishName", "sex", "nation", "birthDate",
                "idNumber", "issuer", "validFrom", "validTo", "samId");
        assertThat(json.get("englishName").asText()).isEqualTo("SAMPLE JOHN PAUL MORGAN EXAMPLE");
        assertThat(json.get("idNumber").asText()).isEqualTo("USA110*****0101");
        assertThat(json.get("samId").asText()).isEqualTo(IdCardReaderSimulator.DEFAULT_SAM_ID);
        assertThat(out.toString().trim().lines()).hasSize(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unmaskedAndTextForms() throws Exception {
        attach();
        IdentityCard card = IdCardFixtures.resident();
        simulator.placeCard(card);
        assertThat(run("--port", pair.hostPath(), "--json", "--unmasked")).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.get("idNumber").asText()).isEqualTo("11010519491231002X");
        assertThat(json.get("validTo").asText()).isEqualTo("LONG");
        assertThat(json.get("nation").asText()).isEqualTo("01");

        out.getBuffer().setLength(0);
        simulator.placeCard(card); // lifted and put back
        assertThat(run("--port", pair.hostPath())).isZero();
        assertThat(out.toString()).contains("110105********002X").contains("长期").contains("not shown")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void noCardInTime() throws Exception {
        attach();
        assertThat(run("--port", pair.hostPath(), "--timeout-ms", "700")).isEqualTo(ReadCardCommand.NO_CARD);
        assertThat(err.toString().trim()).isEqualTo("no card on the reader at " + pair.hostPath() + " within 700 ms");
    }

    @Test
    void nothingAnswersOnThePort() {
        assertThat(run("--port", pair.hostPath(), "--timeout-ms", "700")).isEqualTo(ReadCardCommand.NO_READER);
        assertThat(err.toString().trim().lines()).singleElement().asString().startsWith("no answer from a reader on");
    }

    @Test
    void aDeviceThatIsNotAReader() throws Exception {
        // a chatty device (say, a modem) that answers anything with text
        SerialPortLink device = SerialPortLink.open(pair.devicePath(), LINE);
        Thread modem = new Thread(() -> {
            byte[] buf = new byte[64];
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (device.read(buf, 0, buf.length, Duration.ofMillis(100)) > 0) {
                        device.write("\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (Exception e) {
                // closed
            }
        });
        modem.start();
        try {
            assertThat(run("--port", pair.hostPath(), "--timeout-ms", "700")).isEqualTo(ReadCardCommand.NOT_A_READER);
            assertThat(err.toString()).contains("does not speak the ID card reader protocol");
        } finally {
            modem.interrupt();
            modem.join(2000);
            device.close();
        }
    }

    @Test
    void noSuchPortAndBusyPort() throws Exception {
        assertThat(run("--port", "/dev/no-such-kiosk-reader")).isEqualTo(ReadCardCommand.NO_SUCH_PORT);
        assertThat(err.toString()).contains("no serial device at /dev/no-such-kiosk-reader");

        // another process holds the port with the same exclusive lock jSerialComm takes
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "flock(1) is not installed");
        err.getBuffer().setLength(0);
        Process holder = new ProcessBuilder("flock", "-x", pair.hostPath(), "sleep", "20").start();
        try {
            Thread.sleep(300);
            assertThat(run("--port", pair.hostPath())).isEqualTo(ReadCardCommand.PORT_BUSY);
            assertThat(err.toString()).contains("is busy");
        } finally {
            holder.destroy();
            holder.waitFor(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void badBaudIsAUsageError() {
        assertThat(run("--port", pair.hostPath(), "--baud", "12")).isEqualTo(2);
    }
}
