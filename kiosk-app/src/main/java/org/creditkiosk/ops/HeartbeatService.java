package org.creditkiosk.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.app.KioskVersion;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.UntrustedText;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's heartbeat: every interval the kiosk reports its version, state, device health and usage counters
 * (never personal data; the counts and latencies come from the {@link HeartbeatCounters} added with
 * {@link #countAlso}, above all {@link UsageCounters}, the one place they are counted), and carries out the administrators' commands in the answer, reporting each outcome once
 * (the platform's {@code reportCommandResult} is idempotent per command id, and so is this class: a command seen
 * again is not executed again).
 */
public final class HeartbeatService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatService.class);
    private static final int REMEMBERED_COMMANDS = 200;
    /** Contract {@code reportCommandResult.detail.maxLength}. */
    private static final int DETAIL_MAX = 500;

    private final PlatformOps platform;
    private final SessionPort controller;
    private final List<? extends Device> devices;
    private final List<String> rejectedConfigKeys;
    private final RemoteActions actions;
    private final long configVersion;
    private final Clock clock;
    private final Instant started;
    private final Set<String> handled = Collections.synchronizedSet(new LinkedHashSet<>());
    private final CopyOnWriteArrayList<HeartbeatCounters> moreCounters = new CopyOnWriteArrayList<>();
    private volatile boolean restartWanted;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });

    public HeartbeatService(PlatformOps platform, SessionPort controller, List<? extends Device> devices,
            List<String> rejectedConfigKeys, long configVersion, RemoteActions actions, Clock clock) {
        this.configVersion = configVersion;
        this.platform = platform;
        this.controller = controller;
        this.devices = List.copyOf(devices);
        this.rejectedConfigKeys = List.copyOf(rejectedConfigKeys);
        this.actions = actions;
        this.clock = clock;
        this.started = clock.instant();
        controller.addListener(new Counter());
    }

    /** Counts what the heartbeat reports, from the views the session publishes. */
    /** Restarts on the administrators' command once no visit is in progress (counting is UsageCounters'). */
    private final class Counter implements java.util.function.Consumer<SessionView> {
        @Override
        public void accept(SessionView v) {
            if (restartWanted && !v.state().inSession()) {
                log.warn("restarting on the administrators' command");
                actions.restart();
            }
        }
    }

    /**
     * Adds {@code source}'s counts to every heartbeat's counters (summed with any the heartbeat counts itself), e.g.
     * the maintenance PIN entry's {@code errors.MAINTENANCE_PIN_WRONG}; the source hears which counts were accepted.
     */
    public HeartbeatService countAlso(HeartbeatCounters source) {
        moreCounters.addIfAbsent(Objects.requireNonNull(source));
        return this;
    }

    public HeartbeatService start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::beatQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (PlatformException e) {
            log.info("heartbeat not accepted: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("heartbeat failed unexpectedly: {}", e.toString());
        }
    }

    /** Sends one heartbeat and carries out the commands in the answer. */
    public void beat() throws PlatformException {
        Map<String, Long> counters = new LinkedHashMap<>();
        Map<String, Long> latencies = new LinkedHashMap<>();
        Map<HeartbeatCounters, Map<String, Long>> taken = new LinkedHashMap<>();
        Map<HeartbeatCounters, Map<String, Long>> takenLatencies = new LinkedHashMap<>();
        for (HeartbeatCounters source : moreCounters) {
            Map<String, Long> counted = Map.copyOf(source.counted());
            taken.put(source, counted);
            counted.forEach((key, n) -> counters.merge(key, n, Long::sum));
            Map<String, Long> l = Map.copyOf(source.latencies());
            takenLatencies.put(source, l);
            latencies.putAll(l);
        }
        // "errors" is the 1.0 total; 1.1 names each code (contract, Heartbeat.counters).
        counters.put("errors", counters.entrySet().stream().filter(e -> e.getKey().startsWith("errors."))
                .mapToLong(Map.Entry::getValue).sum());
        SessionState state = controller.view().state();
        Heartbeat hb = new Heartbeat(KioskVersion.current(), configVersion, Duration.between(started, clock.instant()).toSeconds(),
                Optional.of(state.inSession() ? "IN_SESSION" : state.name()), deviceStatuses(), counters, latencies,
                rejectedConfigKeys);
        HeartbeatAnswer answer = platform.heartbeat(hb);
        // Counters are "since the last accepted heartbeat" (contract): subtract what was just reported.
        taken.forEach(HeartbeatCounters::reported);
        takenLatencies.forEach(HeartbeatCounters::latenciesReported);
        for (HeartbeatAnswer.Command c : answer.commands()) {
            if (handled.add(c.commandId())) {
                trim();
                CommandResult result = safe(execute(c));
                log.info("remote command {} {}: {}{}", c.commandId(), c.type(), result.outcome(),
                        result.detail().map(d -> " (" + UntrustedText.forLog(d) + ")").orElse(""));
                platform.reportCommandResult(c.commandId(), result);
            }
        }
        if (restartWanted && !controller.view().state().inSession()) {
            log.warn("restarting on the administrators' command");
            actions.restart();
        }
    }

    private CommandResult execute(HeartbeatAnswer.Command c) {
        switch (c.type()) {
            case OUT_OF_SERVICE:
                controller.submit(new SessionEvent.GoOutOfService(Notice.OutOfService.REMOTE_ORDER));
                return done("out of service" + c.reason().map(r -> ": " + UntrustedText.forLog(r)).orElse(""));
            case BACK_IN_SERVICE:
                controller.submit(new SessionEvent.BackInService(Notice.OutOfService.REMOTE_ORDER));
                return done("back in service");
            case PRINT_TEST_PAGE:
                try {
                    actions.printTestPage();
                    return done("test page printed");
                } catch (Exception e) {
                    return new CommandResult(CommandResult.Outcome.FAILED, Optional.of(limit(e.getMessage())));
                }
            case RESTART_APP:
                restartWanted = true;
                return done("restarting when no visit is in progress");
            case RELOAD_CONFIG: {
                RemoteActions.Reload r = actions.reloadConfig();
                if (r.restart()) {
                    restartWanted = true;
                }
                return r.result();
            }
            case UPLOAD_LOGS:
                return actions.uploadLogs(c.commandId());
            default:
                return new CommandResult(CommandResult.Outcome.REJECTED, Optional.of("unknown command"));
        }
    }

    private List<Heartbeat.DeviceStatus> deviceStatuses() {
        List<Heartbeat.DeviceStatus> out = new ArrayList<>();
        for (Device d : devices) {
            DeviceHealth h = d.health();
            out.add(new Heartbeat.DeviceStatus(Heartbeat.DeviceKind.valueOf(d.kind().name()),
                    Heartbeat.DeviceState.valueOf(h.state().name()),
                    h.detail().isEmpty() ? Optional.empty() : Optional.of(h.detail())));
        }
        return out;
    }

    private void trim() {
        synchronized (handled) {
            while (handled.size() > REMEMBERED_COMMANDS) {
                handled.remove(handled.iterator().next());
            }
        }
    }

    private static CommandResult done(String detail) {
        return new CommandResult(CommandResult.Outcome.DONE, Optional.of(detail));
    }

    private static String limit(String s) {
        return UntrustedText.forLog(s == null ? "failed" : s, DETAIL_MAX);
    }

    /**
     * A result's detail can quote outside text (a command's reason, a print queue's or a bundle's error): it goes
     * back to the platform and into the log as one clean line within the contract's maxLength.
     */
    private static CommandResult safe(CommandResult r) {
        return new CommandResult(r.outcome(), r.detail().map(d -> UntrustedText.forLog(d, DETAIL_MAX)));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
