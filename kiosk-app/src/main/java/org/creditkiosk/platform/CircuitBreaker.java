package org.creditkiosk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the platform is available, from what the client sees ({@link CallObserver}):
 * <ul>
 *   <li>CLOSED (UP): calls go out; {@code failureThreshold} transport failures in a row, or one answer whose
 *       {@link ErrorCatalog} row says out-of-service (BAD_SIGNATURE, CLOCK_SKEW, KIOSK_DISABLED, MAINTENANCE, TLS),
 *       open it.</li>
 *   <li>OPEN (DOWN): calls fail fast without touching the network; {@link #tick()} runs the probe when due.</li>
 *   <li>HALF_OPEN: the probe (a cheap signed call, e.g. getKioskConfig) is out. An answer without an out-of-service
 *       code closes the breaker (UP); anything else reopens it with a longer wait (doubling up to a maximum).</li>
 * </ul>
 * Plain Java with an injected clock; {@link #start} drives {@link #tick()} from a scheduler. Listeners hear UP/DOWN
 * changes only, on the thread that caused them (the UI hops to its own thread).
 */
public final class CircuitBreaker implements CallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The probe: one cheap signed call; it throws like any platform call. */
    @FunctionalInterface
    public interface Probe {
        void run() throws PlatformException;
    }

    /**
     * @param failureThreshold transport failures in a row that open the breaker (1..20)
     * @param probeInterval    first wait before probing an open breaker (1 s .. 10 min)
     * @param maxProbeInterval the wait doubles after each failed probe up to this
     */
    public record Settings(int failureThreshold, Duration probeInterval, Duration maxProbeInterval) {
        public Settings {
            if (failureThreshold < 1 || failureThreshold > 20) {
                throw new IllegalArgumentException("failureThreshold " + failureThreshold + " is outside 1..20");
            }
            if (probeInterval.compareTo(Duration.ofSeconds(1)) < 0 || probeInterval.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("probeInterval " + probeInterval + " is outside 1 s..10 min");
            }
            if (maxProbeInterval.compareTo(probeInterval) < 0) {
                throw new IllegalArgumentException("maxProbeInterval must not be shorter than probeInterval");
            }
        }

        public static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(10), Duration.ofMinutes(2));
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final List<Consumer<PlatformAvailability>> listeners = new CopyOnWriteArrayList<>();
    private volatile Probe probe;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration wait;
    private Instant nextProbeAt = Instant.MAX;
    private PlatformAvailability availability;

    public CircuitBreaker(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wait = settings.probeInterval();
        this.availability = new PlatformAvailability(PlatformAvailability.Status.UP, Optional.empty(), clock.instant());
    }

    /** The probe to run when open; set once the client exists (the client needs the breaker first). */
    public void setProbe(Probe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    public void addListener(Consumer<PlatformAvailability> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized State state() {
        return state;
    }

    public synchronized PlatformAvailability availability() {
        return availability;
    }

    /** Runs {@link #tick()} every {@code every} on {@code scheduler}; cancel the returned future to stop. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration every) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("platform probe failed unexpectedly: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Probes if the breaker is open and the wait is over; otherwise does nothing. Call from one thread. */
    public void tick() {
        Probe p = probe;
        synchronized (this) {
            if (state != State.OPEN || p == null || clock.instant().isBefore(nextProbeAt)) {
                return;
            }
            state = State.HALF_OPEN;
        }
        LOG.info("platform probe: checking whether the platform answers again");
        Optional<String> reason;
        try {
            p.run();
            reason = Optional.empty();
        } catch (PlatformException e) {
            ErrorCatalog.Entry entry = ErrorCatalog.of(e);
            boolean down = e instanceof PlatformException.Transport || entry.outOfService();
            reason = down ? Optional.of(entry.key()) : Optional.empty();
        }
        if (reason.isEmpty()) {
            close();
        } else {
            synchronized (this) {
                wait = min(wait.multipliedBy(2), settings.maxProbeInterval());
            }
            open(reason.get());
        }
    }

    // ---- CallObserver ----------------------------------------------------------------------------------------

    @Override
    public synchronized boolean admit(Operation op) {
        return state != State.OPEN;
    }

    @Override
    public void answered(Operation op, int status, Duration latency, Optional<Duration> clockOffset) {
        synchronized (this) {
            consecutiveFailures = 0;
        }
    }

    @Override
    public void rejected(Operation op, PlatformException.Api error) {
        ErrorCatalog.Entry entry = ErrorCatalog.forCode(error.code());
        if (entry.outOfService()) {
            boolean probing;
            synchronized (this) {
                probing = state == State.HALF_OPEN;
            }
            if (!probing) {
                open(entry.key());
            }
        }
    }

    @Override
    public void failed(Operation op, PlatformException.Transport failure) {
        boolean trip;
        synchronized (this) {
            if (state == State.HALF_OPEN) {
                return; // the probe's own outcome is handled in tick()
            }
            consecutiveFailures++;
            trip = consecutiveFailures >= settings.failureThreshold()
                    || failure.kind() == PlatformException.Transport.Kind.TLS;
        }
        if (trip) {
            open(failure.kind().name());
        }
    }

    // ---- transitions -----------------------------------------------------------------------------------------

    private void open(String reason) {
        PlatformAvailability changed = null;
        synchronized (this) {
            if (state == State.CLOSED) {
                wait = settings.probeInterval();
            }
            state = State.OPEN;
            nextProbeAt = clock.instant().plus(wait);
            if (availability.up()) {
                availability = new PlatformAvailability(PlatformAvailability.Status.DOWN, Optional.of(reason), clock.instant());
                changed = availability;
            }
        }
        if (changed != null) {
            LOG.warn("platform DOWN [{}]: {}", reason, ErrorCatalog.entries().stream()
                    .filter(e -> e.key().equals(reason)).findFirst().map(ErrorCatalog.Entry::staffDetail).orElse(""));
            publish(changed);
        }
    }

    private void close() {
        PlatformAvailability changed = null;
        synchronized (this) {
            state = State.CLOSED;
            consecutiveFailures = 0;
            wait = settings.probeInterval();
            nextProbeAt = Instant.MAX;
            if (!availability.up()) {
                availability = new PlatformAvailability(PlatformAvailability.Status.UP, Optional.empty(), clock.instant());
                changed = availability;
            }
        }
        if (changed != null) {
            LOG.info("platform UP again");
            publish(changed);
        }
    }

    private void publish(PlatformAvailability a) {
        for (Consumer<PlatformAvailability> l : listeners) {
            try {
                l.accept(a);
            } catch (RuntimeException e) {
                LOG.warn("availability listener failed: {}", e.toString());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
