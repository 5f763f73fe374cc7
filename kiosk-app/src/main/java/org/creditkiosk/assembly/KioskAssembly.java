package org.creditkiosk.assembly;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.creditkiosk.app.DeviceIntake;
import org.creditkiosk.app.DeviceWatch;
import org.creditkiosk.app.PlatformReportPipeline;
import org.creditkiosk.app.PrinterAttention;
import org.creditkiosk.app.PlatformWatch;
import org.creditkiosk.app.SessionController;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.idcard.IdCardReader;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptPrinterSettings;
import org.creditkiosk.device.scanner.CommandBytes;
import org.creditkiosk.device.scanner.QrScanner;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.ScanCharset;
import org.creditkiosk.device.scanner.ScanTerminator;
import org.creditkiosk.config.ConfigLoader;
import java.security.SecureRandom;
import java.util.function.IntConsumer;
import org.creditkiosk.config.HallContent;
import org.creditkiosk.ops.ContentCache;
import org.creditkiosk.ops.LogUpload;
import org.creditkiosk.ops.UsageCounters;
import org.creditkiosk.ops.HallSchedule;
import org.creditkiosk.ops.ConfigReload;
import org.creditkiosk.ops.ConfigRollout;
import org.creditkiosk.ops.HeartbeatService;
import org.creditkiosk.ops.MaintenanceLockout;
import org.creditkiosk.ops.RemoteActions;
import org.creditkiosk.platform.CircuitBreaker;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.PrintDesk;
import org.creditkiosk.printing.PrintJob;
import org.creditkiosk.printing.TestPage;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a kiosk is put together (DESIGN.md §2): from its {@link KioskSources} (a hall's ports and queue,
 * or the demo's simulators and embedded platform) to a running {@link Kiosk}. There is no second path: what the
 * demo and its tests prove about this wiring holds for every hall.
 */
public final class KioskAssembly {

    private static final Logger log = LoggerFactory.getLogger(KioskAssembly.class);
    private static final long DEVICE_WATCH_MS = 1000;

    private KioskAssembly() {
    }

    /** Starts the kiosk's parts (not the screens). On failure, everything started so far is closed again. */
    public static Kiosk assemble(KioskSources sources, Map<String, String> env) throws IOException {
        return assemble(sources, env, KioskAssembly::exitForRestart);
    }

    /**
     * {@link #assemble(KioskSources, Map)} with what a restart does: the kiosk exits with code 75 and systemd starts it
     * again ({@code exit.accept(75)}); tests play systemd and start a new kiosk from the files.
     */
    public static Kiosk assemble(KioskSources sources, Map<String, String> env, IntConsumer exit) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>(sources.resources());
        try {
            return assemble(sources, env, resources, exit);
        } catch (IOException | RuntimeException e) {
            closeAll(reversed(resources));
            throw e;
        }
    }

    private static Kiosk assemble(KioskSources sources, Map<String, String> env, List<AutoCloseable> resources,
            IntConsumer exit) throws IOException {
        KioskSettings settings = sources.settings();
        // The keyboard's pinyin tables take about a second to build: start now, on their own thread.
        org.creditkiosk.ui.input.PinyinDictionary.shared();
        CircuitBreaker breaker = breaker(settings);
        HttpPlatformClient client = HttpPlatformClient.create(HallSettings.platform(settings, env), breaker);
        resources.add(client);

        ReportService reports = new ReportService(HallSettings.report(settings));
        warmUp(reports);

        List<Device> devices = new ArrayList<>();
        A4Printer a4 = sources.a4();
        a4.device().ifPresent(d -> open(d, devices, resources));
        PrintChannel slips = PrintChannel.absent("receipt printer");
        if (sources.receipt().isPresent()) {
            ReceiptPrinter receipt = new ReceiptPrinter(settings.get(ConfigKeys.RECEIPT_PORT).orElse("receipt printer"),
                    sources.receipt().get(), ReceiptPrinterSettings.defaults());
            open(receipt, devices, resources);
            slips = PrintChannel.receipt(receipt);
        }
        PrinterAttention attention = new PrinterAttention(Clock.systemUTC());
        UsageCounters usage = new UsageCounters(ConfigLoader.dataDir(settings));
        PrintDesk desk = new PrintDesk(a4.channel(), slips, attention, usage::printed);
        PlatformReportPipeline pipeline = new PlatformReportPipeline(client, reports, desk, sources.receipt().isPresent());

        SessionController controller = new SessionController(
                new Session(Clock.systemUTC(), settings.sessionTimeouts()), client, pipeline);
        resources.add(controller);
        resources.add(watch(settings, breaker, client, controller));
        controller.addListener(usage);
        DeviceIntake intake = new DeviceIntake(settings.get(ConfigKeys.VERIFY_HOST), usage.tap(controller::submit));

        if (sources.reader().isPresent()) {
            open(new IdCardReader(sources.reader().get(), IdCardReaderSettings.defaults()
                    .withPollInterval(settings.get(ConfigKeys.IDCARD_POLL)), intake::card), devices, resources);
        } else {
            log.warn("devices.idcard.port is not set: no ID card reader");
        }
        if (sources.scanner().isPresent()) {
            open(new QrScanner(sources.scanner().get(), scannerSettings(settings), intake::scan), devices, resources);
        }
        DeviceWatch watch = new DeviceWatch(devices, controller).start(DEVICE_WATCH_MS);
        resources.add(watch);

        ConfigReload reload = new ConfigReload(client, settings);
        RemoteActions actions = new RemoteActions() {
            @Override
            public void printTestPage() throws Exception {
                a4.channel().print(new PrintJob.Report("TEST-PAGE", TestPage.render(a4.name(), Instant.now().toString())));
            }

            @Override
            public Reload reloadConfig() {
                return reload.run();
            }

            @Override
            public org.creditkiosk.platform.api.CommandResult uploadLogs(String commandId) {
                return new LogUpload(LogUpload.defaultLogDir(), client).upload(commandId);
            }

            @Override
            public void restart() {
                log.warn("exiting for a restart (systemd starts the kiosk again)");
                exit.accept(RESTART_EXIT);
            }
        };
        ConfigRollout rollout = new ConfigRollout(client, settings, controller, reload, actions::restart, Clock.systemUTC(),
                new SecureRandom());
        resources.add(rollout);
        resources.add(new HeartbeatService(client, controller, devices, settings.unknownKeys(), settings.configVersion(),
                actions, Clock.systemUTC())
                .countAlso(new MaintenanceLockout(ConfigLoader.dataDir(settings), Clock.systemUTC()))
                .countAlso(rollout)
                .countAlso(usage)
                .start(settings.get(ConfigKeys.HEARTBEAT_INTERVAL)));
        // issue 12: hall content from the bundle: files fetched once into <data dir>/content, opening hours
        ContentCache content = new ContentCache(ConfigLoader.dataDir(settings), client);
        resources.add(content);
        content.keep(settings.get(ConfigKeys.HALL_SLIDES).stream().map(HallContent.Slide::sha256).toList(), 60);
        resources.add(new HallSchedule(hours(settings), settings.get(ConfigKeys.HALL_TIME_ZONE), controller, Clock.systemUTC())
                .start());
        controller.start();
        rollout.start();
        watchdog(env, controller).ifPresent(resources::add);
        settings.bundleRefusal().ifPresent(reason -> {
            // The heartbeat keeps running, so administrators can push a bundle that verifies (RELOAD_CONFIG).
            log.error("out of service: {}; push a valid signed bundle (RELOAD_CONFIG) or remove the stored one", reason);
            controller.submit(new SessionEvent.GoOutOfService(Notice.OutOfService.CONFIGURATION_REFUSED));
        });
        log.info("kiosk {} started{}: platform {}, devices {}, A4 {}", settings.get(ConfigKeys.KIOSK_ID),
                sources.demo().isPresent() ? " (demo)" : "", client.settings().url(),
                devices.stream().map(d -> d.kind().name()).toList(), a4.name());
        Kiosk kiosk = new Kiosk(settings, client, controller, intake, sources.demo(), reversed(resources), devices, breaker, actions);
        kiosk.content(content);
        kiosk.usage(usage);
        kiosk.bench(watch, attention, a4);
        return kiosk;
    }

    /** The opening hours with the closed dates (two keys, one schedule). */
    static HallContent.Hours hours(KioskSettings settings) {
        HallContent.Hours h = settings.get(ConfigKeys.HALL_HOURS);
        return new HallContent.Hours(h.days(), settings.get(ConfigKeys.HALL_CLOSED_DATES));
    }

    /**
     * systemd's watchdog when the unit asks for one (WatchdogSec): fed only while the JavaFX thread and the session
     * thread both answer, so a hung kiosk is restarted (ops/SystemdWatchdog).
     */
    private static java.util.Optional<org.creditkiosk.ops.SystemdWatchdog> watchdog(Map<String, String> env,
            SessionController controller) {
        Map<String, java.util.concurrent.Executor> watched = new java.util.LinkedHashMap<>();
        watched.put("JavaFX", javafx.application.Platform::runLater);
        watched.put("session", controller::onSessionThread);
        return org.creditkiosk.ops.SystemdWatchdog.fromEnvironment(env, watched)
                .map(org.creditkiosk.ops.SystemdWatchdog::start);
    }

    private static void open(Device d, List<Device> devices, List<AutoCloseable> resources) {
        resources.add(d);
        d.open();
        devices.add(d);
    }

    /** Exit code 75 (EX_TEMPFAIL): systemd's Restart=always starts the kiosk again. */
    public static final int RESTART_EXIT = 75;

    private static void exitForRestart(int code) {
        System.exit(code);
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

    private static QrScannerSettings scannerSettings(KioskSettings settings) {
        String trigger = settings.get(ConfigKeys.SCANNER_TRIGGER);
        return QrScannerSettings.defaults()
                .withTerminator(ScanTerminator.valueOf(settings.get(ConfigKeys.SCANNER_TERMINATOR)))
                .withCharset(ScanCharset.valueOf(settings.get(ConfigKeys.SCANNER_CHARSET)))
                .withAffixes(settings.get(ConfigKeys.SCANNER_PREFIX), settings.get(ConfigKeys.SCANNER_SUFFIX))
                .withMaxLength(settings.get(ConfigKeys.SCANNER_MAX_LENGTH))
                .withCommands(CommandBytes.NONE, trigger.isBlank() ? CommandBytes.NONE : CommandBytes.hex(trigger));
    }

    /** Parse fonts and keys before the first citizen asks (DESIGN.md: speed is a feature). */
    private static void warmUp(ReportService reports) {
        Thread t = new Thread(reports::warmUp, "report-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static List<AutoCloseable> reversed(List<AutoCloseable> list) {
        List<AutoCloseable> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    /** Closes each in order; a failure is logged and the rest still closed. */
    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
