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

    /** Builds the scene on {@code stage} for a running kiosk (call on the FX thread, before {@code show()}). */
    public static KioskView build(Stage stage, KioskPorts runtime, NoticeTexts notices, double width, double height) {
        KioskView view = buildStarting(stage, runtime.identity(),
                runtime.settings().get(ConfigKeys.UI_FULL_SCREEN), notices, width, height);
        return attach(stage, view, runtime);
    }

    /**
     * The scene of a kiosk still being assembled: the attract screen saying it is getting ready
     * ({@link KioskView#starting}); what it needs is only the configuration's identity (start-up, issue 11).
     */
    public static KioskView buildStarting(Stage stage, KioskIdentity identity, boolean fullScreen, NoticeTexts notices,
            double width, double height) {
        KioskFonts.load();
        KioskView view = KioskView.starting(new Texts(identity.defaultLanguage()), notices, identity);
        KioskStage.prepare(stage, view, width, height, !fullScreen);
        return view;
    }

    /**
     * Connects the starting scene on {@code stage} to the assembled kiosk (FX thread): touches and scans reach its
     * session, its views replace the starting screen, and maintenance, voice and hall content come in.
     */
    public static KioskView attach(Stage stage, KioskView view, KioskPorts runtime) {
        Scene scene = stage.getScene();
        Texts texts = view.texts();
        view.attach(runtime.session()::submit, java.util.Optional.of(runtime.publicLists()));
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
        // issue 12: hall content, refreshed when a file arrives and every minute (announcement windows, hours)
        view.hallDisplay(runtime.hallDisplay());
        runtime.onHallContent(() -> javafx.application.Platform.runLater(() -> view.hallDisplay(runtime.hallDisplay())));
        javafx.animation.Timeline minute = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(60), e -> view.hallDisplay(runtime.hallDisplay())));
        minute.setCycleCount(javafx.animation.Animation.INDEFINITE);
        minute.play();
        runtime.session().addListener(view::show); // renders the session's current view now: the starting screen goes
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
