package org.creditkiosk.ui.input;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link WedgeScanDetector} in front of a scene's key handling: an event filter on the scene sees every
 * key before the focused control. Held and scanned keys are consumed; held keys that turn out to be typing are
 * fired again as KEY_TYPED events at the focus owner (text controls insert text on KEY_TYPED). Enter is judged
 * on KEY_PRESSED, where text fields and default buttons act on it. Install once per scene, on the FX thread.
 */
public final class WedgeScanFilter {

    private static final Logger log = LoggerFactory.getLogger(WedgeScanFilter.class);

    private final Scene scene;
    private final WedgeScanDetector detector;
    private final LongSupplier clock;
    private final PauseTransition timer = new PauseTransition();
    private final EventHandler<KeyEvent> filter = this::filter;
    private boolean replaying;
    private boolean enterSwallowed;

    private WedgeScanFilter(Scene scene, WedgeScanDetector.Settings settings, Consumer<String> onScan,
                            LongSupplier clock) {
        this.scene = scene;
        this.clock = clock;
        this.detector = new WedgeScanDetector(settings, new WedgeScanDetector.Listener() {
            @Override
            public void scanned(String text) {
                log.debug("wedge scan ({} chars)", text.length());
                onScan.accept(text);
            }

            @Override
            public void replay(String text) {
                replayTyped(text);
            }

            @Override
            public void overflowed(int length) {
                log.info("wedge burst of {} keys dropped (over the limit)", length);
            }
        });
        timer.setOnFinished(e -> {
            detector.onTimer(clock.getAsLong());
            schedule();
        });
    }

    /** Installs the filter on {@code scene}; {@code onScan} gets each complete scan on the FX thread. */
    public static WedgeScanFilter install(Scene scene, WedgeScanDetector.Settings settings, Consumer<String> onScan) {
        return install(scene, settings, onScan, System::nanoTime);
    }

    static WedgeScanFilter install(Scene scene, WedgeScanDetector.Settings settings, Consumer<String> onScan,
                                   LongSupplier clock) {
        WedgeScanFilter f = new WedgeScanFilter(Objects.requireNonNull(scene, "scene"), settings,
                Objects.requireNonNull(onScan, "onScan"), clock);
        scene.addEventFilter(KeyEvent.ANY, f.filter);
        return f;
    }

    /** Removes the filter; keys still held are replayed first. */
    public void uninstall() {
        detector.onOtherKey(clock.getAsLong());
        timer.stop();
        scene.removeEventFilter(KeyEvent.ANY, filter);
    }

    private void filter(KeyEvent e) {
        if (replaying) {
            return;
        }
        long now = clock.getAsLong();
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            // A shortcut (Ctrl+C, Alt+F4 ...), never part of a code: held keys are typing.
            if (e.getEventType() == KeyEvent.KEY_PRESSED && !e.getCode().isModifierKey()) {
                detector.onOtherKey(now);
            }
        } else if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String ch = e.getCharacter();
            boolean printable = !ch.isEmpty() && !Character.isISOControl(ch.codePointAt(0));
            if (printable) {
                if (detector.onCharacter(ch, now) == WedgeScanDetector.Decision.SWALLOW) {
                    e.consume();
                }
            } else if (enterSwallowed && (ch.equals("\r") || ch.equals("\n"))) {
                e.consume();
            }
        } else if (e.getEventType() == KeyEvent.KEY_PRESSED) {
            if (e.getCode() == KeyCode.ENTER) {
                enterSwallowed = detector.onEnter(now) == WedgeScanDetector.Decision.SWALLOW;
                if (enterSwallowed) {
                    e.consume();
                }
            } else if (isTextKey(e)) {
                if (detector.holding()) {
                    e.consume(); // part of a suspected burst: a Space must not press a focused button
                }
            } else if (!e.getCode().isModifierKey()) {
                detector.onOtherKey(now);
            }
        } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
            if (e.getCode() == KeyCode.ENTER && enterSwallowed) {
                e.consume();
                enterSwallowed = false;
            } else if (isTextKey(e) && detector.holding()) {
                e.consume();
            }
        }
        schedule();
    }

    private static boolean isTextKey(KeyEvent e) {
        String text = e.getText();
        return !text.isEmpty() && !Character.isISOControl(text.codePointAt(0));
    }

    private void schedule() {
        OptionalLong deadline = detector.deadlineNanos();
        if (deadline.isEmpty()) {
            timer.stop();
            return;
        }
        double millis = Math.max(1.0, (deadline.getAsLong() - clock.getAsLong()) / 1_000_000.0);
        timer.stop();
        timer.setDuration(Duration.millis(millis));
        timer.playFromStart();
    }

    private void replayTyped(String text) {
        Node target = scene.getFocusOwner();
        if (target == null) {
            return;
        }
        replaying = true;
        try {
            text.codePoints().forEach(cp -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED,
                    new String(Character.toChars(cp)), "", KeyCode.UNDEFINED, false, false, false, false)));
        } finally {
            replaying = false;
        }
    }
}
