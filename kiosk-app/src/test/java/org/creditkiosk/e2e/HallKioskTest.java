package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import okhttp3.CertificatePinner;
import okhttp3.tls.HeldCertificate;
import org.creditkiosk.assembly.A4Printer;
import org.creditkiosk.assembly.HallSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.assembly.KioskSources;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.printing.PrintJob;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The kiosk as a hall runs it (issue 10's acceptance): the platform stand-in over HTTPS with a test CA, the kiosk
 * trusting only that CA (its own trust store) and pinning the server key, a hall keystore made by the test, the ID
 * card reader and the receipt printer on socat pseudo-terminals with their simulators on the far ends, and the A4
 * report through the cups-pdf queue. A whole visit prints; the report the kiosk sent carries the hall certificate's
 * signature (pdfsig) and is the one whose digest the platform registered. With a wrong pin the kiosk refuses the
 * platform, says why in the log, and goes out of service.
 */
class HallKioskTest {

    static final String QUEUE = "KioskPDF";
    static final String KIOSK_ID = "YL-HALL-01-K02";

    private final List<ILoggingEvent> logs = new CopyOnWriteArrayList<>();
    private ListAppender<ILoggingEvent> capture;

    @BeforeEach
    void captureLogs() {
        capture = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                logs.add(e);
            }
        };
        capture.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(capture);
    }

    @AfterEach
    void stopCapture() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    @Test
    void aHallVisitOverHttpsPrintsAReportSignedWithTheHallCertificate(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        assumeTrue(queueExists(), "CUPS queue " + QUEUE + " is missing (packaging/ci/test-env.sh makes it)");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        TestTls tls = TestTls.create(dir);
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK_ID, hall.secret,
                     Clock.systemUTC(), Optional.of(tls.serverSide().sslContext()));
             SocatPair readerLine = SocatPair.start();
             SocatPair receiptLine = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200));
             EscPosPrinterSimulator receipt = new EscPosPrinterSimulator(
                     SerialPortLink.open(receiptLine.devicePath(), SerialSettings.of8N1(115200))).start()) {
            assertThat(platform.baseUrl()).startsWith("https://");
            reader.attach(SerialPortLink.open(readerLine.devicePath(), SerialSettings.of8N1(115200)));
            KioskSettings settings = settings(hall, tls, tls.pin(), platform, Map.of(
                    "devices.idcard.port", readerLine.hostPath(),
                    "devices.receipt.port", receiptLine.hostPath(),
                    "printer.reportQueue", QUEUE,
                    "voice.volume", "60",
                    "voice.always", "true"));
            assertThat(settings.get(org.creditkiosk.config.ConfigKeys.VOICE_VOLUME)).isEqualTo(60);
            assertThat(settings.get(org.creditkiosk.config.ConfigKeys.VOICE_ALWAYS)).isTrue();
            try (Kiosk kiosk = TestKiosks.start(teeA4(HallSources.of(settings), sent), Map.of())) {
                assertThat(kiosk.demo()).isEmpty();
                var controller = kiosk.controller();
                // An older citizen turns the elderly mode on at the attract screen (issue 13).
                controller.submit(new SessionEvent.SetElderlyMode(true));
                await(() -> controller.view().elderly(), "elderly mode on", 10);
                var card = DemoFixtures.load().cards().stream()
                        .filter(c -> c.idNumber().equals("610881197804120030")).findFirst().orElseThrow();
                reader.placeCard(IdCardDataMapper.fromContract(card));
                await(() -> controller.view().state() == SessionState.SHOWING_RECORD, "record", 30);
                controller.submit(new SessionEvent.RequestPrint());
                controller.submit(new SessionEvent.ConfirmPrint());
                await(() -> controller.view().state() == SessionState.FAREWELL, "farewell after printing", 90);
                assertThat(controller.view().elderly()).as("through the visit").isTrue();
                assertThat(controller.view().cardVisit()).isTrue();
                assertThat(sent).hasSize(1);
                assertThat(receipt.awaitSlips(1, Duration.ofSeconds(20))).as("summary slip").isTrue();
                // Counted where it came out (heartbeat, today's counters on the technician's screen): the A4 report
                // through CUPS and the slip on the serial printer.
                var today = kiosk.maintenanceTools().status();
                await(() -> today.get().today().contains("receiptsPrinted 1"), "slip counted", 10);
                assertThat(today.get().today()).contains("reportsPrinted 1", "receiptsPrinted 1");
                reader.removeCard();
                await(() -> controller.view().state() == SessionState.ATTRACT, "attract", 30);
                assertThat(controller.view().elderly()).as("ends with the visit").isFalse();
                await(() -> platform.openSessions() == 0, "session closed on the platform", 30);
            }
            // What the kiosk sent to CUPS: signed with the hall certificate, valid, and registered by its digest.
            Path pdf = dir.resolve("sent.pdf");
            Files.write(pdf, sent.get(0));
            String sig = run("pdfsig", pdf.toString());
            assertThat(sig).contains("Signer Certificate Common Name: Test Hall Seal")
                    .contains("Signature Validation: Signature is Valid.");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent.get(0)));
            assertThat(platform.registeredDigests()).contains(sha);
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains("610881197804120030"));
        }
    }

    /**
     * Issue 15 in configured mode: a commitment signed at a hall kiosk goes through the same print desk and CUPS queue
     * as reports, signed with the hall certificate; its digest is registered; the signature image reaches no log. The
     * A4 printer runs out of paper at the first attempt: the paper is held, "print again" before the paper is back
     * prints nothing and keeps the offer, and after it the same signed commitment reaches CUPS, once.
     */
    @Test
    void aHallCommitmentIsSignedWithTheHallCertificateAndPrintedThroughCups(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        assumeTrue(queueExists(), "CUPS queue " + QUEUE + " is missing (packaging/ci/test-env.sh makes it)");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        TestTls tls = TestTls.create(dir);
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK_ID, hall.secret,
                     Clock.systemUTC(), Optional.of(tls.serverSide().sslContext()));
             SocatPair readerLine = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200))) {
            reader.attach(SerialPortLink.open(readerLine.devicePath(), SerialSettings.of8N1(115200)));
            KioskSettings settings = settings(hall, tls, tls.pin(), platform, Map.of(
                    "devices.idcard.port", readerLine.hostPath(), "printer.reportQueue", QUEUE));
            org.creditkiosk.signature.HandSignature signature = org.creditkiosk.signature.Signatures.scribble();
            String signatureStart = java.util.Base64.getEncoder().encodeToString(signature.png()).substring(60, 120);
            java.util.concurrent.atomic.AtomicReference<PrintFailure.Code> paper =
                    new java.util.concurrent.atomic.AtomicReference<>(PrintFailure.Code.PAPER_OUT);
            try (Kiosk kiosk = TestKiosks.start(teeA4(HallSources.of(settings), sent, paper), Map.of())) {
                var controller = kiosk.controller();
                var card = DemoFixtures.load().cards().stream()
                        .filter(c -> c.idNumber().equals("610824199512300066")).findFirst().orElseThrow();
                reader.placeCard(IdCardDataMapper.fromContract(card));
                await(() -> controller.view().state() == SessionState.SHOWING_RECORD, "record", 30);
                controller.submit(new SessionEvent.StartCommitment());
                await(() -> controller.view().services().templates().isPresent(), "templates", 30);
                controller.submit(new SessionEvent.ChooseTemplate("CN-HY-2026-012"));
                controller.submit(new SessionEvent.TextReadToEnd());
                controller.submit(new SessionEvent.StartSigning());
                controller.submit(new SessionEvent.SubmitSignature(signature));
                controller.submit(new SessionEvent.ConfirmCommitment());
                await(() -> controller.view().state() == SessionState.COMMITMENT_DONE, "commitment held", 90);
                assertThat(controller.view().notice()).contains(org.creditkiosk.platform.Notice.PrintProblem.PAPER_OUT);
                assertThat(controller.view().services().reprintAvailable()).isTrue();
                String no = controller.view().services().signed().orElseThrow().commitmentNo();
                assertThat(sent).as("nothing reached CUPS").isEmpty();

                controller.submit(new SessionEvent.ReprintCommitment());   // before staff loaded paper
                await(() -> controller.view().state() == SessionState.COMMITMENT_DONE
                        && controller.view().notice().isPresent(), "still held", 30);
                assertThat(controller.view().services().reprintAvailable()).isTrue();
                assertThat(sent).isEmpty();

                paper.set(null);                                              // paper loaded
                controller.submit(new SessionEvent.ReprintCommitment());
                await(() -> controller.view().state() == SessionState.COMMITMENT_DONE
                        && controller.view().notice().isEmpty(), "commitment printed", 60);
                assertThat(controller.view().services().reprintAvailable()).isFalse();
                assertThat(controller.view().services().signed().orElseThrow().commitmentNo()).isEqualTo(no);
                assertThat(sent).hasSize(1);
                reader.removeCard();
                await(() -> controller.view().state() == SessionState.ATTRACT, "attract", 30);
                assertThat(signature.wiped()).as("the signature went with the visit").isTrue();
                Path pdf = dir.resolve("commitment.pdf");
                Files.write(pdf, sent.get(0));
                assertThat(run("pdfsig", pdf.toString())).contains("Signer Certificate Common Name: Test Hall Seal")
                        .contains("Signature Validation: Signature is Valid.");
                assertThat(run("pdftotext", pdf.toString(), "-").replaceAll("\\s+", "")).contains(no).contains("家政服务");
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent.get(0)));
                assertThat(platform.registeredCommitmentDigests()).containsExactly(sha);
            }
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains(signatureStart))
                    .noneMatch(e -> e.getFormattedMessage().contains("610824199512300066"));
        }
    }

    /**
     * Issue 11 in configured mode: the technician's tests and reconnects on real serial ports (socat) and the CUPS
     * queue: a card read shows only its masked number and starts no session, the test slip reaches the printer, the
     * A4 test page goes through CUPS, each device reconnects on its port and works after it.
     */
    @Test
    void theTechniciansTestsAndReconnectsWorkOnSerialPortsAndCups(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        assumeTrue(queueExists(), "CUPS queue " + QUEUE + " is missing (packaging/ci/test-env.sh makes it)");
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        TestTls tls = TestTls.create(dir);
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK_ID, hall.secret,
                     Clock.systemUTC(), Optional.of(tls.serverSide().sslContext()));
             SocatPair readerLine = SocatPair.start();
             SocatPair receiptLine = SocatPair.start();
             IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(115200));
             EscPosPrinterSimulator receipt = new EscPosPrinterSimulator(
                     SerialPortLink.open(receiptLine.devicePath(), SerialSettings.of8N1(115200))).start()) {
            reader.attach(SerialPortLink.open(readerLine.devicePath(), SerialSettings.of8N1(115200)));
            KioskSettings settings = settings(hall, tls, tls.pin(), platform, Map.of(
                    "devices.idcard.port", readerLine.hostPath(),
                    "devices.receipt.port", receiptLine.hostPath(),
                    "printer.reportQueue", QUEUE));
            try (Kiosk kiosk = TestKiosks.start(HallSources.of(settings), Map.of())) {
                var controller = kiosk.controller();
                await(() -> kiosk.devices().stream().allMatch(d -> d.health().usable()), "devices ready", 30);
                controller.submit(new SessionEvent.EnterMaintenance());
                await(() -> controller.view().state() == SessionState.MAINTENANCE, "maintenance", 10);
                var tools = kiosk.maintenanceTools();
                var status = tools.status().get();
                assertThat(status.lines()).anySatisfy(l -> {
                    assertThat(l.what()).isEqualTo("ID_CARD_READER");
                    assertThat(l.where()).isEqualTo(readerLine.hostPath() + " · 115200 baud");
                });
                assertThat(status.lines()).anySatisfy(l -> assertThat(l.where()).contains(QUEUE));

                var card = DemoFixtures.load().cards().stream()
                        .filter(c -> c.idNumber().equals("610881197804120030")).findFirst().orElseThrow();
                var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return tools.deviceTests().get("ID_CARD_READER").run();
                    } catch (Exception e) {
                        return "✗ " + e.getMessage();
                    }
                });
                Thread.sleep(300);
                reader.placeCard(IdCardDataMapper.fromContract(card));
                assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("✓ card read: 610881********0030");
                assertThat(controller.view().state()).isEqualTo(SessionState.MAINTENANCE);
                assertThat(controller.view().person()).isEmpty();
                reader.removeCard();

                assertThat(tools.deviceTests().get("RECEIPT_PRINTER").run()).isEqualTo("✓ test slip printed");
                assertThat(receipt.awaitSlips(1, Duration.ofSeconds(20))).isTrue();
                assertThat(receipt.slips().get(0).textLines()).anyMatch(l -> l.contains("TEST SLIP"));
                assertThat(receipt.slips().get(0).qrPayloads()).containsExactly("TEST " + KIOSK_ID);
                assertThat(tools.printTestPage().run()).isEqualTo("✓ test page sent");

                assertThat(tools.reconnects().get("ID_CARD_READER").run()).isEqualTo("✓ ID_CARD_READER READY");
                assertThat(tools.reconnects().get("RECEIPT_PRINTER").run()).isEqualTo("✓ RECEIPT_PRINTER READY");
                assertThat(tools.deviceTests().get("RECEIPT_PRINTER").run()).as("prints after its reconnect")
                        .isEqualTo("✓ test slip printed");
                assertThat(receipt.awaitSlips(2, Duration.ofSeconds(20))).isTrue();
            }
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains("610881197804120030"));
        }
    }

    @Test
    void aWrongPinRefusesThePlatformAndTakesTheKioskOutOfService(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        TestTls tls = TestTls.create(dir);
        String wrongPin = CertificatePinner.pin(new HeldCertificate.Builder().build().certificate());
        try (DemoPlatformServer platform = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK_ID, hall.secret,
                Clock.systemUTC(), Optional.of(tls.serverSide().sslContext()))) {
            KioskSettings settings = settings(hall, tls, wrongPin, platform, Map.of());
            try (Kiosk kiosk = TestKiosks.start(HallSources.of(settings), Map.of())) {
                await(() -> kiosk.controller().view().state() == SessionState.OUT_OF_SERVICE, "out of service", 30);
            }
            assertThat(logs).anyMatch(e -> e.getFormattedMessage().contains("pin"));
            assertThat(platform.heartbeats()).as("no request got through").isEmpty();
        }
    }

    private static KioskSettings settings(HallFiles hall, TestTls tls, String pin, DemoPlatformServer platform,
            Map<String, String> more) throws Exception {
        Map<String, String> values = new HashMap<>(hall.settings());
        values.put("platform.url", platform.baseUrl());
        values.put("kiosk.id", KIOSK_ID);
        values.put("platform.truststore", tls.trustStore().toString());
        values.put("platform.truststorePassFile", tls.trustStorePass().toString());
        values.put("platform.pins", pin);
        values.put("platform.verifyHost", URI.create(DemoSettings.defaults().publicVerifyBase()).getHost());
        values.put("platform.watchIntervalS", "1");
        values.put("platform.failureThreshold", "1");
        values.putAll(more);
        return new ConfigLoader().values(values, "technician file").load();
    }

    /** The hall's sources with the A4 channel teed: the test keeps a copy of each report the kiosk sends to CUPS. */
    private static KioskSources teeA4(KioskSources s, List<byte[]> sent) {
        return teeA4(s, sent, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** The same, with a printer fault the test sets and clears ({@code null}: none), as the printer would report it. */
    private static KioskSources teeA4(KioskSources s, List<byte[]> sent,
                                      java.util.concurrent.atomic.AtomicReference<PrintFailure.Code> fault) {
        PrintChannel cups = s.a4().channel();
        PrintChannel tee = new PrintChannel() {
            @Override
            public void print(PrintJob job) throws PrintFailure {
                PrintFailure.Code now = fault.get();
                if (now != null) {
                    throw new PrintFailure(now, "test: the A4 printer reports " + now);
                }
                if (job instanceof PrintJob.Report r) {
                    sent.add(r.pdf().clone());
                }
                cups.print(job);
            }

            @Override
            public Optional<PrintFailure.Code> fault() {
                return fault.get() != null ? Optional.of(fault.get()) : cups.fault();
            }
        };
        return new KioskSources(s.settings(), s.reader(), s.receipt(), s.scanner(),
                new A4Printer(s.a4().name(), tee, s.a4().device()), s.demo(), s.resources());
    }

    private static boolean queueExists() {
        return Stream.of(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).anyMatch(QUEUE::equals);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
