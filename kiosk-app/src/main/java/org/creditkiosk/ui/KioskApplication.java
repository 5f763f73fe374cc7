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
     * Starts the JavaFX runtime and loads the bundled fonts in the background ({@link FxRuntime}), so that the
     * starting screen can be drawn as soon as the configuration is read (start-up speed, issue 11).
     */
    public static Toolkit startToolkit() {
        return new Toolkit(FxRuntime.start());
    }

    /** The JavaFX runtime started by {@link #startToolkit()}. */
    public static final class Toolkit {
        private final CompletableFuture<Void> up;

        private Toolkit(CompletableFuture<Void> up) {
            this.up = up;
        }

        /**
         * Shows the starting screen ({@link KioskView#starting}) as soon as the runtime is up, without waiting for
         * it: the attract screen of this identity, saying the kiosk is getting ready. Devices and the platform are
         * opened after it has been drawn; {@link #run} then connects it to the assembled kiosk.
         */
        public Starting showStarting(KioskIdentity identity, boolean fullScreen, NoticeTexts notices) {
            Starting starting = new Starting(identity);
            up.whenComplete((ok, failed) -> {
                if (failed != null) {
                    starting.drawn.complete(null); // nothing to wait for: run() starts JavaFX the classic way
                    return;
                }
                Platform.runLater(() -> {
                    try {
                        Stage stage = new Stage();
                        double[] size = size(fullScreen);
                        KioskView view = KioskWindow.buildStarting(stage, identity, fullScreen, notices, size[0], size[1]);
                        FirstFrame.watch(stage.getScene()).thenRun(() -> starting.drawn.complete(null));
                        stage.show();
                        if (fullScreen) {
                            KioskStage.lockFullScreen(stage);
                        }
                        starting.shown.complete(new Shown(stage, view));
                    } catch (RuntimeException e) {
                        log.error("cannot show the starting screen: {}", e.toString(), e);
                        starting.shown.completeExceptionally(e);
                        starting.drawn.complete(null);
                    }
                });
            });
            return starting;
        }

        /**
         * Shows the kiosk and blocks until its stage is closed: on the starting screen's stage when there is one,
         * else on a new stage; when the runtime did not start, falls back to {@link KioskApplication#run}, which
         * reports why.
         */
        public void run(KioskPorts runtime, NoticeTexts notices, Starting starting) {
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
            starting.shown.whenComplete((shown, failed) -> Platform.runLater(() -> {
                try {
                    if (shown != null && shown.view.identity().equals(runtime.identity())) {
                        KioskWindow.attach(shown.stage, shown.view, runtime);
                        shown.stage.setOnHidden(chain(shown.stage.getOnHidden(), closed::countDown));
                    } else {
                        // no starting screen, or the configuration it was drawn from was replaced at the start checks
                        if (shown != null) {
                            shown.stage.hide();
                        }
                        Stage stage = new Stage();
                        show(stage, runtime, notices);
                        stage.setOnHidden(chain(stage.getOnHidden(), closed::countDown));
                    }
                } catch (RuntimeException e) {
                    log.error("cannot show the kiosk: {}", e.toString(), e);
                    closed.countDown();
                }
            }));
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FxRuntime.exit();
        }

        /** Closes the starting screen of a start that was refused (the process exits after it). */
        public void abandon(Starting starting) {
            starting.shown.thenAccept(shown -> Platform.runLater(shown.stage::hide));
        }
    }

    private static javafx.event.EventHandler<javafx.stage.WindowEvent> chain(
            javafx.event.EventHandler<javafx.stage.WindowEvent> first, Runnable then) {
        return e -> {
            if (first != null) {
                first.handle(e);
            }
            then.run();
        };
    }

    /** The starting screen: its stage once shown, and whether its first frame was drawn (or will never be). */
    public static final class Starting {
        private final KioskIdentity identity;
        private final CompletableFuture<Shown> shown = new CompletableFuture<>();
        private final CompletableFuture<Void> drawn = new CompletableFuture<>();

        private Starting(KioskIdentity identity) {
            this.identity = identity;
        }

        /**
         * Waits until the starting screen has been drawn, at most {@code max}: the kiosk's assembly starts after it,
         * so that the two cores draw the first screen instead of opening devices.
         */
        public void awaitDrawn(java.time.Duration max) {
            try {
                drawn.get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("the starting screen of {} was not drawn within {} ms; assembling the kiosk anyway",
                        identity.kioskId(), max.toMillis());
            } catch (ExecutionException e) {
                // reported where it failed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Shown(Stage stage, KioskView view) {
    }

    private static double[] size(boolean fullScreen) {
        var bounds = Screen.getPrimary().getBounds();
        return new double[] {fullScreen ? bounds.getWidth() : Math.min(1920, bounds.getWidth()),
            fullScreen ? bounds.getHeight() : Math.min(1080, bounds.getHeight())};
    }

    @Override
    public void start(Stage stage) {
        show(stage, RUNTIME.get(), NOTICES.get());
    }

    private static void show(Stage stage, KioskPorts runtime, NoticeTexts notices) {
        boolean fullScreen = runtime.settings().get(ConfigKeys.UI_FULL_SCREEN);
        double[] size = size(fullScreen);
        KioskWindow.build(stage, runtime, notices, size[0], size[1]);
        FirstFrame.watch(stage.getScene());
        stage.show();
        if (fullScreen) {
            KioskStage.lockFullScreen(stage);
        }
    }
}
