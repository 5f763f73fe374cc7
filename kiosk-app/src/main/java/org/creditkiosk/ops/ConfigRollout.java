package org.creditkiosk.ops;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the administrators' signed configuration out to this kiosk (issue 12):
 *
 * <ul>
 *   <li><b>Poll.</b> Every {@code config.pollIntervalS} plus a random 0..{@code config.pollJitterS}, ask
 *       {@code getKioskConfig} with the ETag of the last answer ({@code If-None-Match}); a new bundle goes through
 *       {@link ConfigReload#offer} (every check, then on trial) and the kiosk restarts into it when no visit is in
 *       progress. A refused bundle is logged once per ETag.</li>
 *   <li><b>Health gate.</b> When the kiosk runs a bundle on trial ({@link KioskSettings#onTrial()}), it must reach a
 *       healthy attract screen (state ATTRACT and the platform answering a call made with the new settings) within
 *       {@code config.healthGateS}. Then the trial is promoted ({@link ConfigTrial#promote}: stored bundle, version
 *       floor). Else it fails: the kiosk forgets it and restarts (when idle) into the last good bundle; two crashes on
 *       it end the trial at the next start ({@link ConfigLoader#forKioskStart}). A failed version is reported in the
 *       next accepted heartbeat: {@code errors.CONFIG_ROLLED_BACK} and {@code configFailedVersion}.</li>
 * </ul>
 *
 * Every setting takes effect through a restart into it: the restart costs a few seconds on an idle kiosk and keeps
 * one way of building the kiosk from its settings ({@code KioskAssembly}).
 */
public final class ConfigRollout implements HeartbeatCounters, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigRollout.class);

    private final PlatformOps platform;
    private final KioskSettings settings;
    private final SessionPort session;
    private final ConfigReload reload;
    private final Runnable restart;
    private final Clock clock;
    private final Random random;
    private final ConfigTrial trial;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "config-rollout");
        t.setDaemon(true);
        return t;
    });
    private volatile Optional<String> etag = Optional.empty();
    private volatile Optional<String> refusedEtag = Optional.empty();
    private volatile boolean restartWanted;
    private volatile boolean restarted;
    private volatile boolean gateOpen;
    private volatile Instant gateDeadline;

    public ConfigRollout(PlatformOps platform, KioskSettings settings, SessionPort session, ConfigReload reload,
            Runnable restart, Clock clock, Random random) {
        this.platform = Objects.requireNonNull(platform);
        this.settings = Objects.requireNonNull(settings);
        this.session = Objects.requireNonNull(session);
        this.reload = Objects.requireNonNull(reload);
        this.restart = Objects.requireNonNull(restart);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.trial = new ConfigTrial(ConfigLoader.dataDir(settings));
        session.addListener(this::onView);
    }

    /** Starts polling and, on a trial bundle, the health gate. */
    public ConfigRollout start() {
        if (settings.onTrial()) {
            gateOpen = true;
            Duration gate = settings.get(ConfigKeys.CONFIG_HEALTH_GATE);
            gateDeadline = clock.instant().plus(gate);
            log.info("configuration v{} on trial: the kiosk has {} s to reach a healthy attract screen", settings.configVersion(),
                    gate.toSeconds());
            scheduler.scheduleWithFixedDelay(this::gateQuietly, 500, 1000, TimeUnit.MILLISECONDS);
        }
        scheduleNextPoll();
        return this;
    }

    private void scheduleNextPoll() {
        long interval = settings.get(ConfigKeys.CONFIG_POLL_INTERVAL).toMillis();
        long jitter = settings.get(ConfigKeys.CONFIG_POLL_JITTER).toMillis();
        long delay = interval + (jitter > 0 ? (long) (random.nextDouble() * jitter) : 0);
        try {
            scheduler.schedule(() -> {
                pollQuietly();
                scheduleNextPoll();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (PlatformException e) {
            log.debug("configuration poll: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("configuration poll failed unexpectedly: {}", e.toString());
        }
    }

    /** One poll: a new bundle is offered and, when it goes on trial, the kiosk restarts into it when idle. */
    public void poll() throws PlatformException {
        if (restartWanted) {
            return; // a bundle is already waiting for the restart
        }
        ConfigAnswer answer = platform.getKioskConfig(etag);
        if (answer.unchanged()) {
            return;
        }
        RemoteActions.Reload r = reload.offer(answer.bundle().get());
        switch (r.result().outcome()) {
            case DONE -> {
                etag = answer.etag();
                if (r.restart()) {
                    restartWhenIdle();
                }
            }
            case REJECTED -> {
                if (!answer.etag().equals(refusedEtag)) {
                    log.warn("the platform's configuration bundle is refused: {}", r.result().detail().orElse(""));
                }
                refusedEtag = answer.etag();
                etag = answer.etag();
            }
            default -> log.warn("configuration bundle not stored: {}", r.result().detail().orElse("")); // asked again next poll
        }
    }

    /** Restarts now if no visit is in progress, else as soon as the visit ends. */
    public void restartWhenIdle() {
        restartWanted = true;
        onView(session.view());
    }

    private synchronized void onView(SessionView v) {
        if (restartWanted && !restarted && !v.state().inSession()) {
            restarted = true;
            log.warn("restarting into the new configuration (no visit in progress)");
            restart.run();
        }
    }

    private void gateQuietly() {
        try {
            gate();
        } catch (RuntimeException e) {
            log.warn("health gate check failed unexpectedly: {}", e.toString());
        }
    }

    /** One look of the health gate (every second while a trial is open). */
    void gate() {
        if (!gateOpen) {
            return;
        }
        SessionView view = session.view();
        SessionState state = view.state();
        // closed hall: the calm closed screen is the attract screen of the night
        boolean attract = state == SessionState.ATTRACT || (state == SessionState.OUT_OF_SERVICE
                && view.outOfServiceReason().filter(r -> r == org.creditkiosk.platform.Notice.OutOfService.HALL_CLOSED).isPresent());
        if (attract && platformAnswers()) {
            try {
                trial.promote();
            } catch (IOException e) {
                log.error("configuration v{} is healthy but cannot be recorded ({}); it stays on trial", settings.configVersion(),
                        e.toString());
            }
            gateOpen = false;
            return;
        }
        if (clock.instant().isAfter(gateDeadline)) {
            try {
                trial.fail("no healthy attract screen within " + settings.get(ConfigKeys.CONFIG_HEALTH_GATE).toSeconds()
                        + " s of the start (state " + state + ")");
            } catch (IOException e) {
                log.error("configuration v{} failed its health gate but the failure cannot be recorded: {}",
                        settings.configVersion(), e.toString());
            }
            gateOpen = false;
            restartWhenIdle();
        }
    }

    private boolean platformAnswers() {
        try {
            platform.getKioskConfig(etag);
            return true;
        } catch (PlatformException e) {
            log.debug("health gate: the platform does not answer yet: {}", e.getMessage());
            return false;
        }
    }

    /** Whether the health gate is still deciding (tests and the maintenance screen). */
    public boolean gateOpen() {
        return gateOpen;
    }

    /** The heartbeat's share: a version that failed the gate, until an accepted heartbeat carried it. */
    @Override
    public Map<String, Long> counted() {
        ConfigTrial.State s = trial.read();
        Map<String, Long> m = new LinkedHashMap<>();
        if (s.failedUnreported() > 0) {
            m.put("errors.CONFIG_ROLLED_BACK", s.failedUnreported());
            m.put("configFailedVersion", s.failedVersion());
        }
        return m;
    }

    @Override
    public void reported(Map<String, Long> sent) {
        try {
            trial.reported(sent.getOrDefault("errors.CONFIG_ROLLED_BACK", 0L));
        } catch (IOException e) {
            log.warn("cannot record that the failed configuration was reported: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
