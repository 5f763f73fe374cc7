package org.creditkiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.ui.input.WedgeScanDetector;
import org.creditkiosk.ui.input.WedgeScanFilter;

/** Puts a running kiosk on a stage: the view, its link to the session controller, and in demo mode the demo panel. */
public final class KioskWindow {

    private KioskWindow() {
    }

    /** Builds the scene on {@code stage} (call on the FX thread, before {@code show()}). */
    public static KioskView build(Stage stage, KioskPorts runtime, NoticeTexts notices, double width, double height) {
        KioskFonts.load();
        Texts texts = new Texts(runtime.identity().defaultLanguage());
        KioskView view = new KioskView(texts, notices, runtime.identity(), runtime.session()::submit,
                java.util.Optional.of(runtime.publicLists()));
        boolean fullScreen = runtime.settings().get(ConfigKeys.UI_FULL_SCREEN);
        Scene scene = KioskStage.prepare(stage, view, width, height, !fullScreen);
        runtime.demo().ifPresent(demo -> {
            if (runtime.settings().get(ConfigKeys.UI_DEMO_PANEL)) {
                addDemoPanel(scene, view, demo, texts);
            }
        });
        // A keyboard-wedge scanner types its code: the filter takes such bursts off the key stream (they never land
        // in a text field) and hands the code to the same router as the serial scanner.
        WedgeScanFilter.install(scene, WedgeScanDetector.Settings.defaults(), runtime.wedgeScans());
        view.enableMaintenance(runtime.maintenanceTools(), runtime.settings().get(ConfigKeys.MAINTENANCE_HOLD));
        org.creditkiosk.ui.voice.VoicePrompts voice = new org.creditkiosk.ui.voice.VoicePrompts(() ->
                new org.creditkiosk.ui.voice.VoicePrompts.Settings(runtime.settings().get(ConfigKeys.VOICE_MUTE),
                        runtime.settings().get(ConfigKeys.VOICE_VOLUME), runtime.settings().get(ConfigKeys.VOICE_ALWAYS)));
        view.voice(voice);
        stage.setOnHidden(e -> voice.close());
        runtime.session().addListener(view::show);
        // issue 12: hall content, refreshed when a file arrives and every minute (announcement windows, hours)
        view.hallDisplay(runtime.hallDisplay());
        runtime.onHallContent(() -> javafx.application.Platform.runLater(() -> view.hallDisplay(runtime.hallDisplay())));
        javafx.animation.Timeline minute = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(60), e -> view.hallDisplay(runtime.hallDisplay())));
        minute.setCycleCount(javafx.animation.Animation.INDEFINITE);
        minute.play();
        return view;
    }

    private static void addDemoPanel(Scene scene, KioskView view, DemoDevices demo, Texts texts) {
        List<DemoPanel.Action> cards = new ArrayList<>();
        for (int i = 0; i < demo.cards().size(); i++) {
            int index = i;
            cards.add(new DemoPanel.Action(demo.cards().get(i).label(), () -> demo.place(index)));
        }
        List<DemoPanel.Action> others = new ArrayList<>();
        others.add(new DemoPanel.Action(texts.t("demo.remove"), demo::remove));
        others.add(new DemoPanel.Action(texts.t("demo.paperOut"),
                () -> demo.reportPrinter().setFault(java.util.Optional.of(org.creditkiosk.printing.PrintFailure.Code.PAPER_OUT))));
        others.add(new DemoPanel.Action(texts.t("demo.paperIn"), () -> demo.reportPrinter().setFault(java.util.Optional.empty())));
        for (int i = 0; i < demo.codes().size(); i++) {
            int index = i;
            others.add(new DemoPanel.Action(texts.t("demo.scan") + demo.codes().get(i).label(), () -> demo.scanCode(index)));
        }
        DemoPanel panel = new DemoPanel(texts.t("demo.title"), texts.t("demo.hint"), cards, others);
        view.setDemoPanel(panel);
        DemoPanel.installHotKeys(scene, cards, demo::remove);
    }
}
