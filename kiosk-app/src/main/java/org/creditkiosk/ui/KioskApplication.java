package org.creditkiosk.ui;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.creditkiosk.config.ConfigKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one full-screen stage showing the kiosk of a kiosk started before launch. */
public final class KioskApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);
    private static final AtomicReference<KioskPorts> RUNTIME = new AtomicReference<>();
    private static final AtomicReference<NoticeTexts> NOTICES = new AtomicReference<>();

    /** Blocks until the application exits. */
    public static void run(KioskPorts runtime, NoticeTexts notices) {
        RUNTIME.set(Objects.requireNonNull(runtime));
        NOTICES.set(Objects.requireNonNull(notices));
        Application.launch(KioskApplication.class);
    }

    /**
     * Starts the JavaFX runtime and loads the bundled fonts in the background, so that they are ready when the kiosk
     * has been assembled (start-up speed, issue 11). Opens no window: the start checks still come before any window.
     */
    public static Toolkit startToolkit() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> up.complete(null));
                up.join();
                KioskFonts.load();
            } catch (RuntimeException | Error e) {
                up.completeExceptionally(e);
            }
        }, "fx-startup");
        t.setDaemon(true);
        t.start();
        return new Toolkit(up);
    }

    /** The JavaFX runtime started by {@link #startToolkit()}. */
    public static final class Toolkit {
        private final CompletableFuture<Void> up;

        private Toolkit(CompletableFuture<Void> up) {
            this.up = up;
        }

        /**
         * Shows the kiosk on a new stage once the runtime is up and blocks until that stage is closed; when the
         * runtime did not start, falls back to {@link KioskApplication#run}, which reports why.
         */
        public void run(KioskPorts runtime, NoticeTexts notices) {
            try {
                up.get();
            } catch (ExecutionException e) {
                log.warn("JavaFX did not start early ({}); starting it now", e.getCause().toString());
                KioskApplication.run(runtime, notices);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    Stage stage = new Stage();
                    stage.setOnHidden(e -> closed.countDown());
                    show(stage, runtime, notices);
                } catch (RuntimeException e) {
                    log.error("cannot show the kiosk: {}", e.toString(), e);
                    closed.countDown();
                }
            });
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.exit();
        }
    }

    @Override
    public void start(Stage stage) {
        show(stage, RUNTIME.get(), NOTICES.get());
    }

    private static void show(Stage stage, KioskPorts runtime, NoticeTexts notices) {
        var bounds = Screen.getPrimary().getBounds();
        boolean fullScreen = runtime.settings().get(ConfigKeys.UI_FULL_SCREEN);
        double w = fullScreen ? bounds.getWidth() : Math.min(1920, bounds.getWidth());
        double h = fullScreen ? bounds.getHeight() : Math.min(1080, bounds.getHeight());
        KioskWindow.build(stage, runtime, notices, w, h);
        FirstFrame.watch(stage.getScene());
        stage.show();
        if (fullScreen) {
            KioskStage.lockFullScreen(stage);
        }
    }
}
