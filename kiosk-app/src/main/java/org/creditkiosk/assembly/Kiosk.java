package org.creditkiosk.assembly;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.printer.ReceiptPrinter;
import org.creditkiosk.device.printer.ReceiptSlip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.creditkiosk.app.DeviceIntake;
import org.creditkiosk.app.KioskVersion;
import org.creditkiosk.app.SessionController;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.device.Device;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.ops.RemoteActions;
import org.creditkiosk.platform.CircuitBreaker;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.ui.KioskIdentity;
import org.creditkiosk.ui.KioskPorts;
import org.creditkiosk.ui.MaintenanceStatus;
import org.creditkiosk.ui.MaintenanceTools;
import org.creditkiosk.ui.PublicLists;

/** A running kiosk, as {@link KioskAssembly} put it together: its parts, and the ports the screens use. */
public final class Kiosk implements KioskPorts, AutoCloseable {

    private final KioskSettings settings;
    private final PlatformClient platform;
    private final SessionController controller;
    private final DeviceIntake intake;
    private final Optional<DemoDevices> demo;
    private final List<AutoCloseable> resources;
    private final List<Device> devices;
    private final CircuitBreaker breaker;
    private final RemoteActions actions;
    private final KioskIdentity identity;
    private final ExecutorService publicPool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "public-lists");
        t.setDaemon(true);
        return t;
    });

    Kiosk(KioskSettings settings, PlatformClient platform, SessionController controller, DeviceIntake intake,
            Optional<DemoDevices> demo, List<AutoCloseable> resources, List<Device> devices, CircuitBreaker breaker,
            RemoteActions actions) {
        this.settings = settings;
        this.platform = platform;
        this.controller = controller;
        this.intake = intake;
        this.demo = demo;
        this.resources = List.copyOf(resources);
        this.devices = List.copyOf(devices);
        this.breaker = breaker;
        this.actions = actions;
        this.identity = KioskIdentity.of(settings);
    }

    @Override
    public KioskSettings settings() {
        return settings;
    }

    @Override
    public SessionPort session() {
        return controller;
    }

    /** The session controller itself (tests and the assembly; the screens use {@link #session()}). */
    public SessionController controller() {
        return controller;
    }

    @Override
    public Optional<DemoDevices> demo() {
        return demo;
    }

    @Override
    public KioskIdentity identity() {
        return identity;
    }

    /** The devices the kiosk opened (reader, scanner, printers), for status and tests. */
    public List<Device> devices() {
        return devices;
    }

    @Override
    public Consumer<String> wedgeScans() {
        return intake::code;
    }

    /**
     * The public red/black list search for the screens (no session): runs on its own thread, never on the FX thread;
     * failures arrive as the platform's typed exception inside the future.
     */
    @Override
    public PublicLists publicLists() {
        return (q, kind, page, size) -> CompletableFuture.supplyAsync(() -> {
            org.creditkiosk.ops.UsageCounters u = usage;
            if (u != null && page <= 1) {
                u.listSearch(); // a search, not each further page of it
            }
            try {
                return platform.searchPublicLists(q, kind, page, size);
            } catch (PlatformException e) {
                throw new CompletionException(e);
            }
        }, publicPool);
    }

    /** The maintenance screen's access check, status, device tests and reconnects (hall staff and technicians). */
    @Override
    public MaintenanceTools maintenanceTools() {
        MaintenanceAccess access = new MaintenanceAccess(settings.get(ConfigKeys.MAINTENANCE_PIN_HASH), ConfigLoader.dataDir(settings),
                Clock.systemUTC());
        Map<String, MaintenanceTools.Action> tests = new LinkedHashMap<>();
        Map<String, MaintenanceTools.Action> reconnects = new LinkedHashMap<>();
        device(DeviceKind.ID_CARD_READER).ifPresent(reader -> tests.put(reader.kind().name(), () -> {
            ready(reader);
            String line = awaitTest(intake.nextCardForTest(), "no card was placed within 20 s (lift the card and place it again)");
            if (line.startsWith("✗")) {
                throw new Exception("the card could not be read: " + line.substring(1).trim());
            }
            return "✓ card read: " + line;
        }));
        device(DeviceKind.RECEIPT_PRINTER).filter(d -> d instanceof ReceiptPrinter).ifPresent(d -> tests.put(d.kind().name(), () -> {
            ((ReceiptPrinter) d).print(testSlip());
            return "✓ test slip printed";
        }));
        // A keyboard-wedge scanner is no device of ours, but its codes come through the same intake: testable too.
        tests.put(DeviceKind.QR_SCANNER.name(), () -> {
            Optional<Device> serial = device(DeviceKind.QR_SCANNER);
            if (serial.isPresent()) {
                ready(serial.get());
            }
            return "✓ " + awaitTest(intake.nextCodeForTest(), "no code was scanned within 20 s");
        });
        for (Device d : devices) {
            reconnects.put(d.kind().name(), () -> reconnect(d));
        }
        return new MaintenanceTools(access, this::maintenanceStatus,
                () -> {
                    actions.printTestPage();
                    return "✓ test page sent";
                },
                () -> {
                    actions.restart();
                    return "restarting";
                }, tests, reconnects);
    }

    private static final long TEST_WAIT_S = 20;
    private static final long RECONNECT_WAIT_MS = 5000;

    private Optional<Device> device(DeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind).findFirst();
    }

    private static void ready(Device d) throws Exception {
        if (!d.health().usable()) {
            throw new Exception(d.kind() + " is " + d.health() + ": check its cable and power, then reconnect it");
        }
    }

    private static String awaitTest(CompletableFuture<String> test, String timeout) throws Exception {
        try {
            return test.get(TEST_WAIT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            test.cancel(false);
            throw new Exception(timeout);
        }
    }

    /** Closes the device's port and opens it again; answers the state it reached within 5 s. */
    private static String reconnect(Device d) throws InterruptedException {
        d.close();
        d.open();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_WAIT_MS);
        while (!d.health().usable() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return (d.health().usable() ? "✓ " : "✗ ") + d.kind() + " " + d.health();
    }

    private ReceiptSlip testSlip() {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone()).format(Instant.now());
        return new ReceiptSlip(List.of(
                new ReceiptSlip.Text("测试凭条 TEST SLIP", ReceiptSlip.Size.DOUBLE, true, ReceiptSlip.Align.CENTER),
                new ReceiptSlip.Rule(),
                ReceiptSlip.Text.plain("终端 Kiosk: " + identity.kioskId()),
                ReceiptSlip.Text.plain("时间 Time: " + at),
                ReceiptSlip.Text.plain("版本 Version: " + KioskVersion.current()),
                new ReceiptSlip.Qr("TEST " + identity.kioskId()),
                new ReceiptSlip.Feed(3)));
    }

    private java.time.ZoneId zone() {
        return settings.get(ConfigKeys.HALL_TIME_ZONE);
    }

    private MaintenanceStatus maintenanceStatus() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(zone());
        List<MaintenanceStatus.Line> lines = new ArrayList<>();
        boolean a4Listed = false;
        for (Device d : devices) {
            var h = d.health();
            String last = watch == null ? "" : watch.lastProblem(d.kind()).map(p -> p + " " + time.format(p.since())).orElse("");
            lines.add(new MaintenanceStatus.Line(d.kind().name(), h.toString(), h.usable(), where(d.kind()), last));
            a4Listed |= d.kind() == DeviceKind.REPORT_PRINTER;
        }
        if (!a4Listed && a4 != null) {
            // an A4 printer without a device of its own (the demo's folder): its channel says whether it can print
            Optional<org.creditkiosk.printing.PrintFailure.Code> fault = a4.channel().fault();
            lines.add(new MaintenanceStatus.Line(DeviceKind.REPORT_PRINTER.name(), fault.map(f -> "OFFLINE(" + f + ")").orElse("READY"),
                    fault.isEmpty(), where(DeviceKind.REPORT_PRINTER), ""));
        }
        if (device(DeviceKind.QR_SCANNER).isEmpty()) {
            lines.add(new MaintenanceStatus.Line(DeviceKind.QR_SCANNER.name(), "KEYBOARD_WEDGE", true,
                    "USB keyboard (wedge)", ""));
        }
        var a = breaker.availability();
        lines.add(new MaintenanceStatus.Line("PLATFORM", a.up() ? "UP" : "DOWN " + a.reason().orElse(""), a.up(),
                settings.get(ConfigKeys.PLATFORM_URL).orElse(""), ""));
        List<String> facts = new ArrayList<>(List.of(
                "kiosk " + identity.kioskId() + (demo.isPresent() ? " (demo)" : ""),
                "version " + KioskVersion.current(),
                "configuration bundle v" + settings.configVersion(),
                "data folder " + ConfigLoader.dataDir(settings)));
        settings.bundleRefusal().ifPresent(r -> facts.add("OUT OF SERVICE: " + r));
        List<String> held = attention == null ? List.of() : attention.held().stream()
                .map(j -> time.format(j.at()) + "  " + j.jobId() + "  " + j.code()).toList();
        org.creditkiosk.ops.UsageCounters u = usage;
        List<String> today = u == null ? List.of() : u.figures().today().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue()).toList();
        return new MaintenanceStatus(lines, facts, held, today);
    }

    /** Where a device is connected, as the technician wrote it in the configuration (or the demo's stand-in). */
    private String where(DeviceKind kind) {
        String demoLine = "demo simulator (in-memory line)";
        return switch (kind) {
            case ID_CARD_READER -> settings.get(ConfigKeys.IDCARD_PORT).orElse(demoLine) + " · "
                    + settings.get(ConfigKeys.IDCARD_BAUD) + " baud";
            case RECEIPT_PRINTER -> settings.get(ConfigKeys.RECEIPT_PORT).orElse(demoLine) + " · "
                    + settings.get(ConfigKeys.RECEIPT_BAUD) + " baud";
            case QR_SCANNER -> settings.get(ConfigKeys.SCANNER_PORT).orElse(demoLine) + " · "
                    + settings.get(ConfigKeys.SCANNER_BAUD) + " baud";
            case REPORT_PRINTER -> a4 == null ? "" : a4.name();
        };
    }

    // ---- issue 11: the technician's screen -------------------------------------------------------------------

    private volatile org.creditkiosk.app.DeviceWatch watch;
    private volatile org.creditkiosk.app.PrinterAttention attention;
    private volatile A4Printer a4;

    void bench(org.creditkiosk.app.DeviceWatch watch, org.creditkiosk.app.PrinterAttention attention, A4Printer a4) {
        this.watch = watch;
        this.attention = attention;
        this.a4 = a4;
    }

    // ---- issue 12: hall content -----------------------------------------------------------------------------

    private volatile org.creditkiosk.ops.ContentCache content;
    private volatile org.creditkiosk.ops.UsageCounters usage;

    void usage(org.creditkiosk.ops.UsageCounters counters) {
        this.usage = counters;
    }

    void content(org.creditkiosk.ops.ContentCache cache) {
        this.content = cache;
    }

    @Override
    public org.creditkiosk.ui.HallDisplay hallDisplay() {
        org.creditkiosk.ops.ContentCache c = content;
        return new org.creditkiosk.ui.HallDisplay(settings.get(ConfigKeys.HALL_SLIDES), settings.get(ConfigKeys.HALL_ANNOUNCEMENT),
                KioskAssembly.hours(settings), settings.get(ConfigKeys.HALL_TIME_ZONE),
                settings.get(ConfigKeys.HALL_CLOSED_LIST_SEARCH),
                sha -> c == null ? Optional.empty() : c.file(sha), Clock.systemUTC());
    }

    @Override
    public void onHallContent(Runnable listener) {
        org.creditkiosk.ops.ContentCache c = content;
        if (c != null) {
            c.addListener(listener);
        }
    }

    @Override
    public void close() {
        publicPool.shutdownNow();
        KioskAssembly.closeAll(resources);
    }
}
