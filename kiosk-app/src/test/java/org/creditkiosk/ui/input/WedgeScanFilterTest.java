package org.creditkiosk.ui.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JavaFX adapter on a headless (Monocle) stage with a focused text field. Key events are fired at the field
 * the way the toolkit delivers them (KEY_PRESSED, KEY_TYPED, KEY_RELEASED), so the scene filter sees them first.
 */
class WedgeScanFilterTest {

    private static Stage stage;
    private static TextField field;
    private static WedgeScanFilter filter;
    private static final List<String> scans = new CopyOnWriteArrayList<>();
    private static final AtomicInteger actions = new AtomicInteger();

    @BeforeAll
    static void startFx() throws Exception {
        // Through TestFX's toolkit so that this class shares one FX platform with the screen tests.
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            field = new TextField();
            field.setOnAction(e -> actions.incrementAndGet());
            stage = new Stage();
            stage.setScene(new Scene(new VBox(field), 400, 200));
            stage.show();
            stage.requestFocus();
            field.requestFocus();
            filter = WedgeScanFilter.install(stage.getScene(), WedgeScanDetector.Settings.defaults(), scans::add);
            return null;
        });
    }

    @AfterAll
    static void stopFx() throws Exception {
        onFx(() -> {
            filter.uninstall();
            stage.close();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    private static String text() throws Exception {
        return onFx(() -> field.getText());
    }

    private static void key(String ch) {
        KeyCode code = KeyCode.getKeyCode(ch.toUpperCase());
        KeyCode c = code == null ? KeyCode.UNDEFINED : code;
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", ch, c, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", ch, c, false, false, false, false));
    }

    private static void enter() {
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "\r", KeyCode.ENTER, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "\r", KeyCode.ENTER, false, false, false, false));
    }

    @Test
    void aScanWhileTheFieldHasFocusLeavesTheFieldUnchangedAndTypingStillWorks() throws Exception {
        onFx(() -> {
            field.setText("");
            return null;
        });
        // Typing, one key per FX turn with 150 ms in between: each key is held briefly, then replayed.
        for (String ch : new String[] {"a", "b", "c"}) {
            onFx(() -> {
                key(ch);
                return null;
            });
            Thread.sleep(150);
        }
        assertThat(text()).isEqualTo("abc");

        // A scan: the whole burst and its Enter inside one FX turn, as a wedge scanner's keys arrive.
        onFx(() -> {
            "XYYL1.eyJhbGciOiJFZERTQSJ9".chars().forEach(c -> key(String.valueOf((char) c)));
            enter();
            return null;
        });
        Thread.sleep(150);
        assertThat(text()).isEqualTo("abc");
        assertThat(scans).containsExactly("XYYL1.eyJhbGciOiJFZERTQSJ9");
        assertThat(actions.get()).as("the scan's Enter never reached the field").isZero();

        // A typed Enter after a pause is an ordinary Enter.
        onFx(() -> {
            enter();
            return null;
        });
        assertThat(actions.get()).isEqualTo(1);
    }
}
