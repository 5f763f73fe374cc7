package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog is fed (a real child process, as systemd-notify would be) only while every watched thread answers;
 * a hung thread stops the feeding. The environment decides whether there is a watchdog at all.
 */
class SystemdWatchdogTest {

    @TempDir
    Path dir;

    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final ExecutorService session = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        fx.shutdownNow();
        session.shutdownNow();
    }

    /** A stand-in for systemd-notify that appends a line to a file each time it runs. */
    private List<String> notifier(Path log) throws Exception {
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString(), "WATCHDOG=1");
    }

    private SystemdWatchdog watchdog(Map<String, Executor> watched, Path log) throws Exception {
        return new SystemdWatchdog(watched, Duration.ofMillis(600), notifier(log));
    }

    @Test
    void fedWhileBothThreadsAnswer() throws Exception {
        Path log = dir.resolve("fed.log");
        Map<String, Executor> watched = new LinkedHashMap<>();
        watched.put("JavaFX", fx);
        watched.put("session", session);
        SystemdWatchdog w = watchdog(watched, log);
        w.round();
        w.round();
        assertThat(w.fed()).isEqualTo(2);
        assertThat(Files.readAllLines(log)).containsExactly("WATCHDOG=1", "WATCHDOG=1");
    }

    @Test
    void aHungThreadStopsTheFeeding() throws Exception {
        Path log = dir.resolve("hung.log");
        Map<String, Executor> watched = new LinkedHashMap<>();
        watched.put("JavaFX", fx);
        watched.put("session", session);
        SystemdWatchdog w = watchdog(watched, log);
        w.round();
        assertThat(w.fed()).isEqualTo(1);

        session.execute(() -> {
            try {
                release.await();   // the session thread hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        w.round();
        w.round();
        assertThat(w.fed()).isEqualTo(1);
        assertThat(Files.readAllLines(log)).hasSize(1);

        release.countDown();   // it answers again: fed again
        w.round();
        assertThat(w.fed()).isEqualTo(2);
    }

    @Test
    void aThreadThatIsNotRunningYetIsNotAlive() throws Exception {
        Path log = dir.resolve("fx-not-started.log");
        Map<String, Executor> watched = new LinkedHashMap<>();
        watched.put("JavaFX", r -> {
            throw new IllegalStateException("Toolkit not initialized");
        });
        watched.put("session", session);
        SystemdWatchdog w = watchdog(watched, log);
        w.round();
        assertThat(w.fed()).isZero();
        assertThat(log).doesNotExist();
    }

    @Test
    void onlyWhenSystemdAsksForItForThisProcess() {
        Map<String, Executor> watched = Map.of("session", session);
        assertThat(SystemdWatchdog.fromEnvironment(Map.of(), watched)).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000"), watched)).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_PID", "1"), watched)).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid())), watched)).isPresent();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "x", "NOTIFY_SOCKET", "/run/systemd/notify"),
                watched)).isEmpty();
    }
}
