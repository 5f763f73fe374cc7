package org.creditkiosk.app;

import java.io.IOException;
import java.net.URI;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import org.creditkiosk.device.scanner.CommandBytes;
import org.creditkiosk.device.scanner.QrScanner;
import org.creditkiosk.device.scanner.ScanCharset;
import org.creditkiosk.device.scanner.ScanTerminator;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.QrScannerSimulator;
import org.creditkiosk.device.scanner.ScanEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardEvent;
import org.creditkiosk.device.idcard.IdCardOutcome;
import org.creditkiosk.device.idcard.IdCardReader;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.devices.IdCardDataMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.ui.PublicLists;
import org.creditkiosk.platform.CircuitBreaker;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformSettings;
import org.creditkiosk.platform.RequestSigner;
import java.time.Instant;
import org.creditkiosk.ops.HeartbeatService;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ui.MaintenanceStatus;
import org.creditkiosk.ui.MaintenanceTools;
import org.creditkiosk.ops.RemoteActions;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.PrintJob;
import org.creditkiosk.printing.TestPage;
import org.creditkiosk.printing.PrintDesk;
import org.creditkiosk.printing.ReportPrinter;
import org.creditkiosk.printing.ReportPrinterSettings;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.ui.KioskIdentity;
import org.creditkiosk.ui.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a running kiosk is made of, wired from the settings: the platform client, the devices, the report
 * flow and the session controller. In demo mode the platform is the embedded demo platform on loopback and the
 * devices are simulators behind in-memory links, driven through the real drivers.
 */
public final class KioskRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);
    private static final long DEVICE_WATCH_MS = 1000;

    private final KioskSettings settings;
    private final SessionController controller;
    private final Optional<DemoDevices> demo;
    private final List<AutoCloseable> resources;
    private final KioskIdentity identity;
    private final PlatformClient platform;
    private final ExecutorService publicPool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "public-lists");
        t.setDaemon(true);
        return t;
    });

    private final List<? extends org.creditkiosk.device.Device> devices;
    private final CircuitBreaker breaker;
    private final RemoteActions actions;

    private KioskRuntime(KioskSettings settings, PlatformClient platform, SessionController controller,
            Optional<DemoDevices> demo, List<AutoCloseable> resources, List<? extends org.creditkiosk.device.Device> devices,
            CircuitBreaker breaker, RemoteActions actions) {
        this.settings = settings;
        this.platform = platform;
        this.devices = List.copyOf(devices);
        this.breaker = breaker;
        this.actions = actions;
        this.controller = controller;
        this.demo = demo;
        this.resources = resources;
        this.identity = new KioskIdentity(settings.get(ConfigKeys.KIOSK_ID), settings.get(ConfigKeys.HALL_NAME),
                settings.get(ConfigKeys.HALL_NAME_EN), settings.get(ConfigKeys.SERVICE_PHONE),
                Language.of(settings.get(ConfigKeys.UI_LANGUAGE)));
    }

    /** Starts the kiosk's parts (not the screens). {@code demo}: embedded platform and simulated devices. */
    public static KioskRuntime start(KioskSettings settings, boolean demo) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return demo ? startDemo(settings, resources) : startConfigured(settings, resources);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static KioskRuntime startDemo(KioskSettings settings, List<AutoCloseable> resources) throws IOException {
        String kioskId = settings.get(ConfigKeys.KIOSK_ID);
        byte[] secret = DemoPlatformServer.newSecret();
        DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), kioskId, secret, Clock.systemUTC());
        resources.add(server);
        CircuitBreaker breaker = breaker(settings);
        // The kiosk's real client with the configured time limits (not the demo's defaults), signing with the secret
        // the demo platform was given.
        HttpPlatformClient client = new HttpPlatformClient(server.clientSettings().withTimeouts(
                settings.get(ConfigKeys.PLATFORM_CONNECT_TIMEOUT), settings.get(ConfigKeys.PLATFORM_READ_TIMEOUT),
                settings.get(ConfigKeys.PLATFORM_CALL_TIMEOUT)), secret, Clock.systemUTC(), RequestSigner.secureNonces(),
                breaker, HttpPlatformClient.Sleeper.REAL);
        resources.add(client);

        Path dataDir = dataDir(settings);
        ReportService reports = new ReportService(reportSettings(settings, ReportSettings.demo(dataDir.resolve("demo"))));
        warmUp(reports);
        Path out = settings.get(ConfigKeys.REPORT_OUTPUT_DIR).map(Path::of).orElse(dataDir.resolve("demo-reports"));
        DemoReportPrinter a4 = new DemoReportPrinter(out);
        // The receipt printer: the real ESC/POS driver, talking to the printer simulator over an in-memory line.
        PipeLink[] receiptLine = PipeLink.pair("demo-receipt");
        EscPosPrinterSimulator receiptSim = new EscPosPrinterSimulator(receiptLine[1]).start();
        resources.add(receiptSim);
        ReceiptPrinter receipt = new ReceiptPrinter("demo-receipt", () -> receiptLine[0], ReceiptPrinterSettings.defaults());
        resources.add(receipt);
        receipt.open();
        PrintDesk desk = new PrintDesk(a4, PrintChannel.receipt(receipt), PlatformReportPipelines::attention);
        ReportPipeline pipeline = new PlatformReportPipeline(client, reports, desk, true);

        SessionController controller = controller(settings, client, pipeline);
        resources.add(0, controller);
        resources.add(0, watch(settings, breaker, client, controller));

        // The ID card reader: the real driver, talking to the simulator over an in-memory serial line.
        SerialSettings line = SerialSettings.of8N1(settings.get(ConfigKeys.IDCARD_BAUD));
        IdCardReaderSimulator simulator = new IdCardReaderSimulator(line);
        resources.add(simulator);
        IdCardReader reader = new IdCardReader(simulator.pipeOpener("demo-idcard"), readerSettings(settings),
                cardListener(controller));
        resources.add(0, reader);
        reader.open();

        DemoFixtures fixtures = DemoFixtures.load();
        List<DemoDevices.DemoCard> cards = fixtures.cards().stream()
                .map(c -> new DemoDevices.DemoCard(c.name() + Optional.ofNullable(fixtures.persons().get(c.idNumber()))
                        .flatMap(DemoFixtures.PersonFixture::label).map(l -> " · " + l).orElse(""),
                        IdCardDataMapper.fromContract(c)))
                .toList();
        // The QR scanner: the real serial driver, fed by the scanner simulator over an in-memory line.
        ScanRouter router = new ScanRouter(URI.create(DemoSettings.defaults().publicVerifyBase()).getHost(), controller::submit);
        PipeLink[] scanLine = PipeLink.pair("demo-scanner");
        QrScannerSimulator scanSim = new QrScannerSimulator(scanLine[1], QrScannerSettings.defaults());
        resources.add(scanSim);
        QrScanner scanner = new QrScanner(() -> scanLine[0], QrScannerSettings.defaults(), scanListener(router));
        resources.add(0, scanner);
        scanner.open();
        String verifyBase = DemoSettings.defaults().publicVerifyBase() + "/v?r=";
        List<DemoDevices.DemoCode> codes = new ArrayList<>();
        for (DemoFixtures.QrToken t : fixtures.qrTokens().values()) {
            String who = Optional.ofNullable(fixtures.persons().get(t.idNumber())).map(p -> fixtures.record(p.recordId()).subject().name()).orElse("?");
            String state = switch (t.state().name()) {
                case "VALID" -> "有效";
                case "EXPIRED" -> "已过期";
                case "USED" -> "已使用";
                default -> t.state().name();
            };
            codes.add(new DemoDevices.DemoCode(who + "的APP码（" + state + "）", () -> Optional.of(t.payload())));
        }
        codes.add(new DemoDevices.DemoCode("报告核验码", () -> a4.lastReportNo().map(n -> verifyBase + n)));
        codes.add(new DemoDevices.DemoCode("伪造报告码", () -> Optional.of(verifyBase + "YLXY-20250101-0009-999999")));
        codes.add(new DemoDevices.DemoCode("无关二维码", () -> Optional.of("https://www.example.com/promo?id=42")));
        resources.add(0, new DeviceWatch(List.of(reader, scanner), controller).start(DEVICE_WATCH_MS));
        RemoteActions actions = new RemoteActions() {
            @Override
            public void printTestPage() throws Exception {
                a4.print(new PrintJob.Report("TEST-PAGE", TestPage.render("demo", Instant.now().toString())));
            }

            @Override
            public Reload reloadConfig() {
                return new ConfigReload(client, settings).run();
            }

            @Override
            public void restart() {
                exitForRestart();
            }
        };
        List<org.creditkiosk.device.Device> demoDevices = List.of(reader, scanner, receipt);
        resources.add(0, new HeartbeatService(client, controller, demoDevices, settings.unknownKeys(),
                settings.configVersion(), actions, Clock.systemUTC()).start(settings.get(ConfigKeys.HEARTBEAT_INTERVAL)));
        DemoDevices devices = new DemoDevices(simulator, cards, server, scanSim, codes, a4, receiptSim);
        controller.start();
        log.info("demo kiosk {} started: platform {}, {} demo cards, reports to {}", kioskId, server.baseUrl(), cards.size(), out);
        return new KioskRuntime(settings, client, controller, Optional.of(devices), resources, demoDevices, breaker, actions);
    }

    private static KioskRuntime startConfigured(KioskSettings settings, List<AutoCloseable> resources) throws IOException {
        String url = settings.get(ConfigKeys.PLATFORM_URL)
                .orElseThrow(() -> new IOException("platform.url is not set: configure the platform or run `kiosk demo`"));
        // Trust store and pins: the configured ones (the environment already won over the files in ConfigLoader);
        // KIOSK_TRUSTSTORE_PASSWORD comes from the service manager's environment only, never from a file.
        Map<String, String> tls = new HashMap<>();
        Optional.ofNullable(System.getenv("KIOSK_TRUSTSTORE_PASSWORD")).ifPresent(v -> tls.put("KIOSK_TRUSTSTORE_PASSWORD", v));
        settings.get(ConfigKeys.PLATFORM_TRUSTSTORE).ifPresent(v -> tls.put("KIOSK_TRUSTSTORE", v));
        settings.get(ConfigKeys.PLATFORM_PINS).ifPresent(v -> tls.put("KIOSK_PINS", v));
        PlatformSettings ps = PlatformSettings.of(url, settings.get(ConfigKeys.KIOSK_ID),
                        settings.get(ConfigKeys.PLATFORM_SECRET_FILE).map(Path::of))
                .withEnvironment(tls)
                .withTimeouts(settings.get(ConfigKeys.PLATFORM_CONNECT_TIMEOUT), settings.get(ConfigKeys.PLATFORM_READ_TIMEOUT),
                        settings.get(ConfigKeys.PLATFORM_CALL_TIMEOUT));
        CircuitBreaker breaker = breaker(settings);
        HttpPlatformClient client = HttpPlatformClient.create(ps, breaker);
        resources.add(client);
        ReportService reports = new ReportService(reportSettings(settings, ReportSettings.defaults()));
        warmUp(reports);
        List<org.creditkiosk.device.Device> watched = new ArrayList<>();
        PrintChannel a4;
        Optional<String> queue = settings.get(ConfigKeys.REPORT_PRINTER);
        if (queue.isPresent()) {
            ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of(queue.get()));
            resources.add(0, printer);
            printer.open();
            watched.add(printer);
            a4 = PrintChannel.report(printer);
        } else {
            log.error("printer.reportQueue is not set: reports cannot be printed (set the CUPS queue name)");
            a4 = PrintChannel.absent("A4 report printer");
        }
        Optional<String> receiptPort = settings.get(ConfigKeys.RECEIPT_PORT);
        PrintChannel slips = PrintChannel.absent("receipt printer");
        if (receiptPort.isPresent()) {
            SerialSettings line = SerialSettings.of8N1(settings.get(ConfigKeys.RECEIPT_BAUD));
            ReceiptPrinter receipt = new ReceiptPrinter(receiptPort.get(), () -> SerialPortLink.open(receiptPort.get(), line),
                    ReceiptPrinterSettings.defaults());
            resources.add(0, receipt);
            receipt.open();
            watched.add(receipt);
            slips = PrintChannel.receipt(receipt);
        }
        PrintDesk desk = new PrintDesk(a4, slips, PlatformReportPipelines::attention);
        ReportPipeline pipeline = new PlatformReportPipeline(client, reports, desk, receiptPort.isPresent());
        SessionController controller = controller(settings, client, pipeline);
        resources.add(0, controller);
        resources.add(0, watch(settings, breaker, client, controller));
        Optional<String> port = settings.get(ConfigKeys.IDCARD_PORT);
        if (port.isPresent()) {
            SerialSettings line = SerialSettings.of8N1(settings.get(ConfigKeys.IDCARD_BAUD));
            IdCardReader reader = new IdCardReader(() -> SerialPortLink.open(port.get(), line), readerSettings(settings),
                    cardListener(controller));
            resources.add(0, reader);
            reader.open();
            watched.add(reader);
        } else {
            log.warn("devices.idcard.port is not set: no ID card reader");
        }
        Optional<String> scanPort = settings.get(ConfigKeys.SCANNER_PORT);
        if (scanPort.isPresent()) {
            ScanRouter router = new ScanRouter(settings.get(ConfigKeys.VERIFY_HOST), controller::submit);
            QrScanner scanner = QrScanner.serial(scanPort.get(), SerialSettings.of8N1(settings.get(ConfigKeys.SCANNER_BAUD)),
                    scannerSettings(settings), scanListener(router));
            resources.add(0, scanner);
            scanner.open();
            watched.add(scanner);
        }
        resources.add(0, new DeviceWatch(watched, controller).start(DEVICE_WATCH_MS));
        PrintChannel testPagePrinter = a4;
        RemoteActions actions = new RemoteActions() {
            @Override
            public void printTestPage() throws Exception {
                testPagePrinter.print(new PrintJob.Report("TEST-PAGE",
                        TestPage.render(queue.orElse("-"), Instant.now().toString())));
            }

            @Override
            public Reload reloadConfig() {
                return new ConfigReload(client, settings).run();
            }

            @Override
            public void restart() {
                exitForRestart();
            }
        };
        resources.add(0, new HeartbeatService(client, controller, watched, settings.unknownKeys(),
                settings.configVersion(), actions, Clock.systemUTC()).start(settings.get(ConfigKeys.HEARTBEAT_INTERVAL)));
        controller.start();
        return new KioskRuntime(settings, client, controller, Optional.empty(), resources, watched, breaker, actions);
    }

    /** Exit code 75 (EX_TEMPFAIL): systemd's Restart=always starts the kiosk again. */
    private static void exitForRestart() {
        log.warn("exiting for a restart (systemd starts the kiosk again)");
        System.exit(75);
    }

    private static CircuitBreaker breaker(KioskSettings settings) {
        Duration probe = settings.get(ConfigKeys.PLATFORM_PROBE_INTERVAL);
        return new CircuitBreaker(new CircuitBreaker.Settings(settings.get(ConfigKeys.PLATFORM_FAILURE_THRESHOLD), probe,
                probe.compareTo(Duration.ofMinutes(2)) > 0 ? probe : Duration.ofMinutes(2)), Clock.systemUTC());
    }

    private static PlatformWatch watch(KioskSettings settings, CircuitBreaker breaker, PlatformOps ops,
            SessionController controller) {
        PlatformWatch watch = new PlatformWatch(breaker, ops, controller,
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "platform-watch");
                    t.setDaemon(true);
                    return t;
                }));
        watch.start(settings.get(ConfigKeys.PLATFORM_WATCH_INTERVAL));
        return watch;
    }

    private static SessionController controller(KioskSettings settings, PlatformClient client, ReportPipeline pipeline) {
        return new SessionController(new Session(Clock.systemUTC(), settings.sessionTimeouts()), client, pipeline);
    }

    private static IdCardReaderSettings readerSettings(KioskSettings settings) {
        return IdCardReaderSettings.defaults().withPollInterval(settings.get(ConfigKeys.IDCARD_POLL));
    }

    /** Reader events become session events; the card's data goes nowhere else. */
    private static java.util.function.Consumer<IdCardEvent> cardListener(SessionController controller) {
        return e -> {
            if (e instanceof IdCardEvent.CardPlaced p) {
                controller.submit(new SessionEvent.CardPlaced(IdCardDataMapper.toContract(p.card(), p.samId())));
            } else if (e instanceof IdCardEvent.CardRemoved) {
                controller.submit(new SessionEvent.CardRemoved());
            } else if (e instanceof IdCardEvent.ReadFailed f && aboutTheCard(f.outcome())) {
                controller.submit(new SessionEvent.CardReadFailed(org.creditkiosk.platform.Notice.CardProblem.CARD_UNREADABLE));
            }
            // Other outcomes (no answer, checksum, lost link, SAM faults) are the reader's trouble, not the citizen's:
            // the driver logs them and its health says so; DeviceWatch turns that into the attract screen's notice.
        };
    }

    private static QrScannerSettings scannerSettings(KioskSettings settings) {
        String trigger = settings.get(ConfigKeys.SCANNER_TRIGGER);
        return QrScannerSettings.defaults()
                .withTerminator(ScanTerminator.valueOf(settings.get(ConfigKeys.SCANNER_TERMINATOR)))
                .withCharset(ScanCharset.valueOf(settings.get(ConfigKeys.SCANNER_CHARSET)))
                .withAffixes(settings.get(ConfigKeys.SCANNER_PREFIX), settings.get(ConfigKeys.SCANNER_SUFFIX))
                .withMaxLength(settings.get(ConfigKeys.SCANNER_MAX_LENGTH))
                .withCommands(CommandBytes.NONE, trigger.isBlank() ? CommandBytes.NONE : CommandBytes.hex(trigger));
    }

    /** Serial scanner events: codes go to the router; rejected input is only logged (no citizen waits for it). */
    private static java.util.function.Consumer<ScanEvent> scanListener(ScanRouter router) {
        return e -> {
            if (e instanceof ScanEvent.Scanned s) {
                router.accept(s.text());
            } else if (e instanceof ScanEvent.Rejected r) {
                log.info("scanner input rejected: {}", r.reason());
            }
        };
    }

    /** The router for codes typed by a keyboard-wedge scanner (the screens install the key filter). */
    public ScanRouter wedgeRouter() {
        return new ScanRouter(demo.isPresent() ? URI.create(DemoSettings.defaults().publicVerifyBase()).getHost()
                : settings.get(ConfigKeys.VERIFY_HOST), controller::submit);
    }

    /**
     * Outcomes a citizen can act on (lay the card flat, keep it still, use another card): the card was there but
     * could not be read. GA/T 467 SW3: 31–33 authentication, 40 unknown card type, 41 card moved, 47 random
     * number, 81 select failed; plus a bad check character or unreadable text.
     */
    private static boolean aboutTheCard(IdCardOutcome o) {
        if (o instanceof IdCardOutcome.Refused r) {
            int sw3 = r.sw3() & 0xFF;
            return sw3 == 0x31 || sw3 == 0x32 || sw3 == 0x33 || sw3 == 0x40 || sw3 == 0x41 || sw3 == 0x47 || sw3 == 0x81;
        }
        return o instanceof IdCardOutcome.InvalidIdNumber || o instanceof IdCardOutcome.UnreadableText;
    }

    private static ReportSettings reportSettings(KioskSettings settings, ReportSettings base) {
        String issuer = settings.get(ConfigKeys.REPORT_ISSUER);
        List<String> seal = new ArrayList<>(base.sealLines());
        seal.set(0, issuer);
        return base.withOffice(issuer, settings.get(ConfigKeys.HALL_NAME), seal);
    }

    /** Parse fonts and keys before the first citizen asks (DESIGN.md: speed is a feature). */
    private static void warmUp(ReportService reports) {
        Thread t = new Thread(reports::warmUp, "report-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static Path dataDir(KioskSettings settings) {
        return ConfigLoader.dataDir(settings);
    }

    public KioskSettings settings() {
        return settings;
    }

    public SessionController controller() {
        return controller;
    }

    public Optional<DemoDevices> demo() {
        return demo;
    }

    /**
     * The public red/black list search for the screens (no session): runs on its own thread, never on the FX thread;
     * failures arrive as the platform's typed exception inside the future.
     */
    public PublicLists publicLists() {
        return (q, kind, page, size) -> CompletableFuture.supplyAsync(() -> {
            try {
                return platform.searchPublicLists(q, kind, page, size);
            } catch (PlatformException e) {
                throw new CompletionException(e);
            }
        }, publicPool);
    }

    /** The maintenance screen's access check, status and actions (hall staff only). */
    public MaintenanceTools maintenanceTools() {
        MaintenanceAccess access = new MaintenanceAccess(settings.get(ConfigKeys.MAINTENANCE_PIN_HASH), Clock.systemUTC());
        return new MaintenanceTools(access, this::maintenanceStatus,
                () -> {
                    actions.printTestPage();
                    return "✓ test page sent";
                },
                () -> {
                    actions.restart();
                    return "restarting";
                });
    }

    private MaintenanceStatus maintenanceStatus() {
        List<MaintenanceStatus.Line> lines = new ArrayList<>();
        for (org.creditkiosk.device.Device d : devices) {
            var h = d.health();
            lines.add(new MaintenanceStatus.Line(d.kind().name(), h.toString(), h.usable()));
        }
        var a = breaker.availability();
        lines.add(new MaintenanceStatus.Line("PLATFORM", a.up() ? "UP" : "DOWN " + a.reason().orElse(""), a.up()));
        return new MaintenanceStatus(lines, List.of(
                "kiosk " + identity.kioskId() + (demo.isPresent() ? " (demo)" : ""),
                "version " + org.creditkiosk.cli.KioskVersion.current(),
                "configuration bundle v" + settings.configVersion()));
    }

    public KioskIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        publicPool.shutdownNow();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
