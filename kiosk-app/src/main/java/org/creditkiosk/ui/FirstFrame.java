package org.creditkiosk.ui;

import java.time.Instant;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes when the first screen has been drawn: the first pulse that lays the scene out, then the FX thread's next
 * turn (after that pulse rendered). Logged with the time since the process started (the launcher's exec), and, for
 * {@code packaging/bench/startup.sh} and the image's AppCDS training run, printed on stdout
 * ({@code -Dkiosk.bench.report=true}) and followed by an exit ({@code -Dkiosk.bench.exitWhenDrawn=true}).
 */
final class FirstFrame {

    private static final Logger log = LoggerFactory.getLogger(FirstFrame.class);

    private FirstFrame() {
    }

    /** Completes once the scene's first frame has been drawn. */
    static java.util.concurrent.CompletableFuture<Void> watch(Scene scene) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(() -> {
                drawn();
                done.complete(null);
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        return done;
    }

    private static void drawn() {
        long now = System.currentTimeMillis();
        long sinceStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .map(start -> now - start).orElse(-1L);
        // SCENE3D is supported by the GPU pipelines only: which one JavaFX took, in public API. The launcher chooses
        // software where no GPU render node can be opened (bin/kiosk, KIOSK_RENDER).
        log.info("first screen drawn {} ms after the process started, rendered {} (launcher: {})", sinceStart,
                Platform.isSupported(ConditionalFeature.SCENE3D) ? "on the GPU" : "in software",
                System.getProperty("kiosk.render", "no choice"));
        if (Boolean.getBoolean("kiosk.bench.report") || Boolean.getBoolean("kiosk.bench.exitWhenDrawn")) {
            System.out.println("kiosk-bench: drawn epochMs=" + now + " sinceProcessStartMs=" + sinceStart);
            System.out.flush();
        }
        if (Boolean.getBoolean("kiosk.bench.exitWhenDrawn")) {
            // Let the attract screen's timers and the background start run a moment, so a training run archives them.
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.getLong("kiosk.bench.exitDelayMs", 3000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.exit(0);
            }, "bench-exit");
            t.setDaemon(true);
            t.start();
        }
    }
}
