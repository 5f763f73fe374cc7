package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.creditkiosk.session.SessionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Non-negotiable 4: the kiosk cannot be escaped by keyboard or touch. */
class KioskLockdownTest {

    private static Stage stage;

    @BeforeAll
    static void setUp() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        List<SessionEvent> events = new ArrayList<>();
        FxToolkit.setupStage(s -> {
            KioskFonts.load();
            KioskView view = new KioskView(new Texts(Language.ZH), new KioskNotices(),
                    new KioskIdentity("YL-DEMO-01-K01", "榆林市政务服务中心", "Yulin", "0912-12345", Language.ZH), events::add);
            KioskStage.prepare(s, view, 1920, 1080, true);
            s.show();
            KioskStage.lockFullScreen(s); // after show(): Monocle crashes on full screen before show
            s.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void fullScreenWithoutExitKeyAndCloseRequestsAreRefused() {
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(stage.getFullScreenExitHint()).isEmpty();

        FxRobot robot = new FxRobot();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ALT, KeyCode.F4).release(KeyCode.F4, KeyCode.ALT);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();

        // something drops full screen: it is restored by itself
        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();
    }
}
