package org.creditkiosk.ui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * Starts the JavaFX runtime and loads the bundled fonts on a thread of their own, as the very first thing a kiosk
 * start does (start-up speed, issue 11): the runtime comes up while logging is configured and the configuration read.
 * Deliberately without a logger: initialising logging here would put its 0.2-0.3 s in front of the runtime's start.
 */
public final class FxRuntime {

    private static CompletableFuture<Void> up;
    /** Whether this class started the runtime (else it was running already: a test's, an embedding application's). */
    private static volatile boolean owned;

    private FxRuntime() {
    }

    /** Starts the runtime once; the future completes when it is up and the fonts are loaded, or with why not. */
    public static synchronized CompletableFuture<Void> start() {
        if (up != null) {
            return up;
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        up = ready;
        Thread t = new Thread(() -> {
            try {
                try {
                    Platform.startup(() -> started.complete(null));
                    owned = true;
                    Platform.setImplicitExit(false);
                } catch (IllegalStateException alreadyRunning) {
                    started.complete(null);
                }
                started.join();
                KioskFonts.load();
                ready.complete(null);
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "fx-startup");
        t.setDaemon(true);
        t.start();
        return ready;
    }

    /** Ends the runtime if {@link #start} started it; a runtime that was running before is left running. */
    public static void exit() {
        if (owned) {
            Platform.exit();
        }
    }
}
