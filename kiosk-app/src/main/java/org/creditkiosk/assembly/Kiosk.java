package org.creditkiosk.assembly;

import java.time.Clock;
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
import org.creditkiosk.ui.Language;
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
        this.identity = new KioskIdentity(settings.get(ConfigKeys.KIOSK_ID), settings.get(ConfigKeys.HALL_NAME),
                settings.get(ConfigKeys.HALL_NAME_EN), settings.get(ConfigKeys.SERVICE_PHONE),
                Language.of(settings.get(ConfigKeys.UI_LANGUAGE)));
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

    /** The maintenance screen's access check, status and actions (hall staff only). */
    @Override
    public MaintenanceTools maintenanceTools() {
        MaintenanceAccess access = new MaintenanceAccess(settings.get(ConfigKeys.MAINTENANCE_PIN_HASH), ConfigLoader.dataDir(settings),
                Clock.systemUTC());
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
        for (Device d : devices) {
            var h = d.health();
            lines.add(new MaintenanceStatus.Line(d.kind().name(), h.toString(), h.usable()));
        }
        var a = breaker.availability();
        lines.add(new MaintenanceStatus.Line("PLATFORM", a.up() ? "UP" : "DOWN " + a.reason().orElse(""), a.up()));
        List<String> facts = new ArrayList<>(List.of(
                "kiosk " + identity.kioskId() + (demo.isPresent() ? " (demo)" : ""),
                "version " + KioskVersion.current(),
                "configuration bundle v" + settings.configVersion(),
                "data folder " + ConfigLoader.dataDir(settings)));
        settings.bundleRefusal().ifPresent(r -> facts.add("OUT OF SERVICE: " + r));
        return new MaintenanceStatus(lines, facts);
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
