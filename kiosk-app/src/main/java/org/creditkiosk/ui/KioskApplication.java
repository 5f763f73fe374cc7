package org.creditkiosk.ui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.creditkiosk.config.ConfigKeys;

/** The JavaFX application: one full-screen stage showing the kiosk of a kiosk started before launch. */
public final class KioskApplication extends Application {

    private static final AtomicReference<KioskPorts> RUNTIME = new AtomicReference<>();
    private static final AtomicReference<NoticeTexts> NOTICES = new AtomicReference<>();

    /** Blocks until the application exits. */
    public static void run(KioskPorts runtime, NoticeTexts notices) {
        RUNTIME.set(Objects.requireNonNull(runtime));
        NOTICES.set(Objects.requireNonNull(notices));
        Application.launch(KioskApplication.class);
    }

    @Override
    public void start(Stage stage) {
        KioskPorts runtime = RUNTIME.get();
        var bounds = Screen.getPrimary().getBounds();
        boolean fullScreen = runtime.settings().get(ConfigKeys.UI_FULL_SCREEN);
        double w = fullScreen ? bounds.getWidth() : Math.min(1920, bounds.getWidth());
        double h = fullScreen ? bounds.getHeight() : Math.min(1080, bounds.getHeight());
        KioskWindow.build(stage, runtime, NOTICES.get(), w, h);
        FirstFrame.watch(stage.getScene());
        stage.show();
        if (fullScreen) {
            KioskStage.lockFullScreen(stage);
        }
    }

}
