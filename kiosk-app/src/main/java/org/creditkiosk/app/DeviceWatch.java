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

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
