package org.creditkiosk.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds systemd's watchdog ({@code WatchdogSec=} in credit-kiosk.service) only while the threads that make the
 * kiosk usable answer: every third of the watchdog period each watched thread is handed a no-op, and only when all
 * of them ran it within half a period is {@code WATCHDOG=1} sent. A hung FX thread or session thread stops the
 * feeding, and systemd kills and restarts the kiosk.
 *
 * <p>How it is sent: Java 17 has no unix datagram sockets ({@code NOTIFY_SOCKET} is one), so the message goes through
 * {@code systemd-notify WATCHDOG=1}, a child process, which is why the unit says {@code NotifyAccess=all}. systemd
 * may drop a message of a process that exited before it looked the sender up (systemd issue #2737); feeding three
 * times a period makes one lost message harmless, while a hung kiosk sends none at all.
 */
public final class SystemdWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemdWatchdog.class);

    private final Map<String, Executor> watched;
    private final Duration period;
    private final List<String> notifyCommand;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "systemd-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong fed = new AtomicLong();
    private volatile String lastSilent = "";

    /**
     * @param watched       name → a way to run a no-op on that thread (e.g. {@code Platform::runLater})
     * @param period        systemd's watchdog period ({@code WATCHDOG_USEC})
     * @param notifyCommand the command that tells systemd, normally {@code systemd-notify WATCHDOG=1}
     */
    public SystemdWatchdog(Map<String, Executor> watched, Duration period, List<String> notifyCommand) {
        this.watched = new LinkedHashMap<>(watched);
        this.period = period;
        this.notifyCommand = List.copyOf(notifyCommand);
    }

    /**
     * The watchdog systemd asked for in {@code env} ({@code WATCHDOG_USEC} with {@code NOTIFY_SOCKET}, and
     * {@code WATCHDOG_PID} naming this process when set), or none when the kiosk does not run under a watchdog.
     */
    public static Optional<SystemdWatchdog> fromEnvironment(Map<String, String> env, Map<String, Executor> watched) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || env.get("NOTIFY_SOCKET") == null) {
            return Optional.empty();
        }
        String pid = env.get("WATCHDOG_PID");
        if (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return Optional.empty();
        }
        long micros;
        try {
            micros = Long.parseLong(usec.strip());
        } catch (NumberFormatException e) {
            log.warn("WATCHDOG_USEC={} is not a number: no watchdog", usec);
            return Optional.empty();
        }
        if (micros <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SystemdWatchdog(watched, Duration.ofNanos(micros * 1000), List.of("systemd-notify", "WATCHDOG=1")));
    }

    public SystemdWatchdog start() {
        long every = Math.max(1, period.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
        log.info("systemd watchdog: period {} ms, fed every {} ms while {} answer", period.toMillis(), every, watched.keySet());
        return this;
    }

    /** How many times systemd was told the kiosk is alive. */
    public long fed() {
        return fed.get();
    }

    /** One round: every watched thread runs a no-op within half a period, then systemd hears it. */
    void round() {
        Optional<String> silent = silentThread();
        if (silent.isPresent()) {
            if (!silent.get().equals(lastSilent)) {
                log.error("systemd watchdog: the {} thread does not answer; not feeding the watchdog (systemd restarts the kiosk after {} ms)",
                        silent.get(), period.toMillis());
            }
            lastSilent = silent.get();
            return;
        }
        if (!lastSilent.isEmpty()) {
            log.warn("systemd watchdog: the {} thread answers again", lastSilent);
            lastSilent = "";
        }
        if (tellSystemd()) {
            fed.incrementAndGet();
        }
    }

    private Optional<String> silentThread() {
        long deadline = System.nanoTime() + period.toNanos() / 2;
        Map<String, CountDownLatch> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Executor> e : watched.entrySet()) {
            CountDownLatch ran = new CountDownLatch(1);
            try {
                e.getValue().execute(ran::countDown);
            } catch (RuntimeException notRunning) {
                return Optional.of(e.getKey());   // not started yet, or shut down
            }
            answers.put(e.getKey(), ran);
        }
        for (Map.Entry<String, CountDownLatch> a : answers.entrySet()) {
            try {
                if (!a.getValue().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return Optional.of(a.getKey());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(a.getKey());
            }
        }
        return Optional.empty();
    }

    private boolean tellSystemd() {
        try {
            Process p = new ProcessBuilder(notifyCommand).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("systemd watchdog: {} did not finish in 5 s", notifyCommand);
                return false;
            }
            if (p.exitValue() != 0) {
                log.warn("systemd watchdog: {} exited with {}", notifyCommand, p.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("systemd watchdog: cannot run {}: {}", notifyCommand, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
