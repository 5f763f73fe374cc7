package org.creditkiosk.ops;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.config.HallContent;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's opening hours (issue 12, {@code hall.hours}, {@code hall.closedDates}): outside them the kiosk is out of
 * service with the cause {@link Notice.OutOfService#HALL_CLOSED} (a calm closed screen with the hours; a card placed
 * reads nothing), and serves again when the hall opens. A visit in progress at closing time ends as usual (the
 * session takes a cause only between visits). Checked every 15 s.
 */
public final class HallSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HallSchedule.class);

    private final HallContent.Hours hours;
    private final ZoneId zone;
    private final SessionPort session;
    private final Clock clock;
    private Boolean closed;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hall-hours");
        t.setDaemon(true);
        return t;
    });

    public HallSchedule(HallContent.Hours hours, ZoneId zone, SessionPort session, Clock clock) {
        this.hours = Objects.requireNonNull(hours);
        this.zone = Objects.requireNonNull(zone);
        this.session = Objects.requireNonNull(session);
        this.clock = Objects.requireNonNull(clock);
    }

    public HallSchedule start() {
        if (hours.configured()) {
            scheduler.scheduleWithFixedDelay(this::check, 0, 15, TimeUnit.SECONDS);
        }
        return this;
    }

    /** One look at the clock: tells the session when the hall closes or opens. */
    public synchronized void check() {
        boolean now = !hours.openAt(clock.instant().atZone(zone));
        if (closed != null && closed == now) {
            return;
        }
        closed = now;
        log.info("hall {} (opening hours)", now ? "closed" : "open");
        session.submit(now ? new SessionEvent.GoOutOfService(Notice.OutOfService.HALL_CLOSED)
                : new SessionEvent.BackInService(Notice.OutOfService.HALL_CLOSED));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
