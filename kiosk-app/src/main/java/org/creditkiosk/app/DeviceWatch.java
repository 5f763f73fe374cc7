package org.creditkiosk.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every device's health (JavaPOS drivers are known for status events that never arrive, DESIGN.md §8) and
 * tells the session when one stops or starts working again, with one log line per change for the technician.
 */
public final class DeviceWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceWatch.class);

    private final Map<DeviceKind, Device> devices = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, DeviceHealth> last = new EnumMap<>(DeviceKind.class);
    /** The last trouble each device reported (not READY/BUSY), for the technician's screen; kept until a restart. */
    private final Map<DeviceKind, DeviceHealth> lastProblem = new java.util.concurrent.ConcurrentHashMap<>();
    private final SessionController controller;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "device-watch");
        t.setDaemon(true);
        return t;
    });

    public DeviceWatch(List<? extends Device> watched, SessionController controller) {
        watched.forEach(d -> devices.put(d.kind(), d));
        this.controller = controller;
    }

    public DeviceWatch start(long everyMillis) {
        scheduler.scheduleWithFixedDelay(this::check, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    void check() {
        devices.forEach((kind, device) -> {
            DeviceHealth now = device.health();
            DeviceHealth before = last.put(kind, now);
            if (isProblem(now)) {
                lastProblem.put(kind, now);
            }
            boolean was = before == null || before.usable();
            if (now.usable() != was) {
                if (now.usable()) {
                    log.info("{} works again: {}", kind, now);
                } else {
                    log.warn("{} unavailable: {} | {}", kind, now,
                            ErrorCatalog.of(new Notice.DeviceUnavailable(kind)).staffDetail());
                }
                controller.submit(new SessionEvent.DeviceAvailability(kind, now.usable()));
            }
        });
    }

    /**
     * The last trouble of this device since the kiosk started (e.g. {@code OFFLINE(NO_RESPONSE)} and when it began);
     * empty when it has had none. Sampled with the watch, so a fault shorter than a second may be missed.
     */
    public java.util.Optional<DeviceHealth> lastProblem(DeviceKind kind) {
        return java.util.Optional.ofNullable(lastProblem.get(kind));
    }

    /** A state a technician wants to know of: not ready, and not the opening or closing of a reconnect. */
    private static boolean isProblem(DeviceHealth h) {
        return switch (h.state()) {
            case READY, BUSY, DISABLED -> false;
            default -> !h.detail().equals("OPENING");
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
