package org.creditkiosk.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;

/**
 * Demo mode only: a strip above the footer that stands in for the citizen's hands (place a simulated card, lift it, show an
 * app code) and the matching hot keys F1–F8 / F12. It drives the simulators, never the session directly, so the
 * demo exercises the same bytes and code paths as a real kiosk. Never created outside demo mode.
 */
public final class DemoPanel extends FlowPane {

    /** One thing the panel can do. */
    public record Action(String label, Runnable run) {
    }

    public DemoPanel(String title, String hint, List<Action> cards, List<Action> others) {
        super(6, 4);
        getStyleClass().add("demo-panel");
        setId("demo-panel");
        setAlignment(Pos.CENTER_LEFT);
        getChildren().add(new Label(title));
        FlowPane cardButtons = this;
        int i = 1;
        for (Action a : cards) {
            Button b = new Button("F" + i + " " + a.label());
            b.setId("demo-card-" + i);
            b.setFocusTraversable(false);
            b.setOnAction(e -> a.run().run());
            cardButtons.getChildren().add(b);
            i++;
        }
        FlowPane otherButtons = this;
        int j = 0;
        for (Action a : others) {
            Button b = new Button(a.label());
            b.setId("demo-action-" + j++);
            b.setFocusTraversable(false);
            b.setOnAction(e -> a.run().run());
            otherButtons.getChildren().add(b);
        }
        getChildren().add(new Label(hint));
    }

    /** Installs F1..F8 (place card n) and F12 (lift the card) on the scene. */
    public static void installHotKeys(Scene scene, List<Action> cards, Runnable removeCard) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.F12) {
                removeCard.run();
                e.consume();
            } else if (k.isFunctionKey()) {
                int n = k.ordinal() - KeyCode.F1.ordinal();
                if (n >= 0 && n < Math.min(8, cards.size())) {
                    cards.get(n).run().run();
                    e.consume();
                }
            }
        });
    }
}
