package org.creditkiosk.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.platform.CircuitBreaker;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kiosk's service state in step with the platform: the circuit breaker sees every call; this class polls
 * the platform (a signed config poll) when the kiosk is idle so that a platform that went away is noticed before a
 * citizen walks up, probes while it is away, and turns UP/DOWN into session events (out-of-service notice and back).
 */
public final class PlatformWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformWatch.class);

    private final CircuitBreaker breaker;
    private final PlatformOps ops;
    private final ScheduledExecutorService scheduler;

    public PlatformWatch(CircuitBreaker breaker, PlatformOps ops, SessionController controller,
            ScheduledExecutorService scheduler) {
        this.breaker = breaker;
        this.ops = ops;
        this.scheduler = scheduler;
        breaker.setProbe(() -> ops.getKioskConfig(Optional.empty()));
        breaker.addListener(a -> {
            if (a.up()) {
                log.info("platform answers again: back in service");
                controller.submit(new SessionEvent.BackInService(Notice.OutOfService.PLATFORM_DOWN));
            } else {
                log.warn("platform unavailable ({}): out of service", a.reason().orElse("?"));
                controller.submit(new SessionEvent.GoOutOfService(Notice.OutOfService.PLATFORM_DOWN));
            }
        });
        controller.onProbe(breaker::tick);
    }

    /** Starts polling every {@code poll} and driving the breaker's probes every second. */
    public void start(Duration poll) {
        breaker.start(scheduler, Duration.ofSeconds(1));
        scheduler.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (breaker.state() != CircuitBreaker.State.CLOSED) {
            return; // the breaker's own probe is on it
        }
        try {
            ops.getKioskConfig(Optional.empty());
        } catch (PlatformException e) {
            log.debug("platform poll: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("platform poll failed unexpectedly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
