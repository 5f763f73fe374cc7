package org.creditkiosk.cli.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.creditkiosk.device.idcard.IdCardOutcome;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.idcard.SamClient;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.Masking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk device read-card}: waits for an ID card on the reader at a port, reads it once (SAM id, then
 * find → select → read as the kiosk does) and prints it. For technicians checking a reader, its cable and its
 * baud rate without starting the kiosk. Stop the kiosk service first: the port can only be held by one program.
 */
@Command(name = "read-card",
        mixinStandardHelpOptions = true,
        description = {"Wait for an ID card on the reader at PATH, read it once and print it.",
            "The identity number is masked unless --unmasked is given; the photo is never shown."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:a card was read",
            " 1:no card on the reader in time",
            " 2:bad command line",
            " 3:no answer from a reader on that port",
            " 4:the device on that port is not an ID card reader",
            " 5:the port is busy (another program holds it)",
            " 6:permission denied (add the user to the 'dialout' group)",
            " 7:no such port",
            " 8:a card was found but could not be read",
            " 9:the reader reports a fault of its own or the link failed"})
public final class ReadCardCommand implements Callable<Integer> {

    public static final int CARD = 0;
    public static final int NO_CARD = 1;
    public static final int NO_READER = 3;
    public static final int NOT_A_READER = 4;
    public static final int PORT_BUSY = 5;
    public static final int PERMISSION_DENIED = 6;
    public static final int NO_SUCH_PORT = 7;
    public static final int CARD_UNREADABLE = 8;
    public static final int READER_FAULT = 9;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial device of the reader, e.g. /dev/ttyUSB0 or the udev name /dev/kiosk-idcard.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "N",
            description = "Baud rate of the reader (default: ${DEFAULT-VALUE}; readers also use 57600, 38400, 19200, 9600).")
    int baud;

    @Option(names = "--timeout-ms", defaultValue = "10000", paramLabel = "N",
            description = "How long to wait for a card, in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--json", description = "Print one JSON object with the keys of the platform contract's IdCardData.")
    boolean json;

    @Option(names = "--unmasked", description = "Print the whole identity number (only for checks with the card holder present).")
    boolean unmasked;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SerialSettings line;
        try {
            line = SerialSettings.of8N1(baud);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--baud: " + e.getMessage());
        }
        if (timeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must be at least 1");
        }
        IdCardReaderSettings settings = IdCardReaderSettings.defaults();
        SamClient.OneShot result;
        try (SerialPortLink link = SerialPortLink.open(port, line)) {
            result = new SamClient(link, settings).readOnce(Duration.ofMillis(timeoutMs));
        } catch (LinkOpenException e) {
            return openFailure(e, err);
        } catch (IOException e) {
            err.println("the link to " + port + " failed: " + e.getMessage());
            err.flush();
            return READER_FAULT;
        }
        if (result instanceof SamClient.OneShotRead read) {
            if (json) {
                out.println(json(read.card(), read.samId()));
            } else {
                printText(out, read.card(), read.samId());
            }
            out.flush();
            return CARD;
        }
        SamClient.OneShotFailed failed = (SamClient.OneShotFailed) result;
        int code = failure(failed, line, err);
        err.flush();
        return code;
    }

    private int openFailure(LinkOpenException e, PrintWriter err) {
        int code;
        switch (e.reason()) {
            case NOT_FOUND -> {
                err.println("no serial device at " + port + " (check the cable and the udev name)");
                code = NO_SUCH_PORT;
            }
            case PERMISSION_DENIED -> {
                err.println("permission denied on " + port + ": add the user to the 'dialout' group"
                        + " (sudo usermod -aG dialout $USER, then log in again)");
                code = PERMISSION_DENIED;
            }
            case BUSY -> {
                err.println("port " + port + " is busy: another program holds it (stop the kiosk service first)");
                code = PORT_BUSY;
            }
            default -> {
                err.println(e.getMessage());
                code = READER_FAULT;
            }
        }
        err.flush();
        return code;
    }

    private int failure(SamClient.OneShotFailed f, SerialSettings line, PrintWriter err) {
        IdCardOutcome o = f.outcome();
        if (!f.readerAnswered()) {
            if (o instanceof IdCardOutcome.NoAnswer n && n.bytesReceived() == 0) {
                err.println("no answer from a reader on " + port + " at " + line.baudRate()
                        + " baud (check power, cable and --baud)");
                return NO_READER;
            }
            if (o instanceof IdCardOutcome.Refused r) {
                err.println("the reader on " + port + " reports a fault: " + r.code());
                return READER_FAULT;
            }
            err.println("the device on " + port + " does not speak the ID card reader protocol (GA/T 467):"
                    + " not a reader, or a wrong --baud (" + o.code() + ")");
            return NOT_A_READER;
        }
        if (o instanceof IdCardOutcome.NoCard) {
            err.println("no card on the reader at " + port + " within " + timeoutMs + " ms");
            return NO_CARD;
        }
        if (o instanceof IdCardOutcome.Refused r && r.status().isReaderFault()) {
            err.println("the reader on " + port + " reports a fault: " + r.code());
            return READER_FAULT;
        }
        err.println("a card was found but not read: " + o.describe() + " [" + o.code() + "]");
        return CARD_UNREADABLE;
    }

    private String json(IdentityCard card, String samId) {
        IdCardData data = IdCardDataMapper.toContract(card, samId);
        ObjectNode node = Json.mapper().valueToTree(data);
        if (!unmasked) {
            node.put("idNumber", Masking.idNumber(data.idNumber()));
        }
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printText(PrintWriter out, IdentityCard c, String samId) {
        out.println("card read from " + port + " (SAM " + samId + ")");
        row(out, "card type", c.cardType().name());
        row(out, "name", c.name());
        c.englishName().ifPresent(n -> row(out, "English name", n));
        row(out, "sex", c.sex().name() + " (" + c.sex().chinese() + ")");
        if (!c.nationCode().isEmpty()) {
            row(out, c.cardType() == org.creditkiosk.device.idcard.CardType.RESIDENT ? "nation" : "nationality",
                    c.nationCode() + (c.nationName().equals(c.nationCode()) ? "" : " " + c.nationName()));
        }
        row(out, "birth date", c.birthDate().toString());
        if (!c.address().isEmpty()) {
            row(out, "address", c.address());
        }
        row(out, "id number", unmasked ? c.idNumber() : c.maskedIdNumber());
        if (!c.issuer().isEmpty()) {
            row(out, "issuer", c.issuer());
        }
        row(out, "valid", c.validFrom() + " to " + c.validTo().map(Object::toString).orElse("长期 (no end)"));
        c.passNumber().ifPresent(p -> row(out, "pass number", p));
        c.issueCount().ifPresent(n -> row(out, "issue count", String.valueOf(n)));
        c.cardVersion().ifPresent(v -> row(out, "card version", v));
        row(out, "photo", c.photo().length + " bytes (vendor format; not shown)");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-13s %s%n", label, value);
    }
}
