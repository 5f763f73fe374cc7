package org.creditkiosk.ui;

import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the kiosk view on a stage that a citizen cannot leave: full screen without exit hint or exit key, close
 * requests consumed, context menus and modifier shortcuts swallowed, full screen restored if anything drops it.
 * (The X session in {@code packaging/} runs no window manager and no terminal, so there is nothing to switch to.)
 */
public final class KioskStage {

    private static final Logger log = LoggerFactory.getLogger(KioskStage.class);

    private KioskStage() {
    }

    /** Builds the scene; call before {@code show()}. */
    public static Scene prepare(Stage stage, KioskView view, double width, double height, boolean decorated) {
        Scene scene = new Scene(view, width, height);
        if (!decorated) {
            stage.initStyle(StageStyle.UNDECORATED);
        }
        stage.setTitle("credit-kiosk");
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(e -> {
            log.info("close request ignored (kiosk mode)");
            e.consume();
        });
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        // Shortcuts with modifiers (Alt+F4, Ctrl+W, Ctrl+Q, Meta+...) mean nothing on a kiosk: swallow them.
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (e.isAltDown() || e.isControlDown() || e.isMetaDown() || e.isShortcutDown()) {
                e.consume();
            }
        });
        return scene;
    }

    /**
     * Enters full screen; call after {@code show()} (Monocle crashes when full screen is set before show) and keeps
     * it: if anything leaves full screen, it is re-entered.
     */
    public static void lockFullScreen(Stage stage) {
        stage.setFullScreen(true);
        stage.fullScreenProperty().addListener((obs, was, is) -> {
            if (!is) {
                log.warn("full screen was left; restoring");
                javafx.application.Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
    }
}
