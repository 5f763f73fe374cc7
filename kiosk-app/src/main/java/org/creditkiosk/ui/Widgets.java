package org.creditkiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Small building blocks shared by the screens. */
final class Widgets {

    private Widgets() {
    }

    static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        return l;
    }

    static Button button(String text, String style, String id, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add(style);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    static Region hgrow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * A scroll pane whose viewport is drawn, not cached as a bitmap. JavaFX's ScrollPaneSkin caches the viewport
     * ({@code setCache(true)}): a screen-sized image for every scroll pane shown. Without a GPU JavaFX draws in
     * software and those images are {@code int[]} in the kiosk's heap (the record screen's: 1896x748, 5.7 MB, kept
     * by JavaFX's image pool through soft references); measured in docs/benchmarks.md (issue 11, memory). Kiosk
     * screens scroll by touch, a page at a time, where a cache saves nothing.
     */
    static javafx.scene.control.ScrollPane scrollPane(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.skinProperty().addListener((o, was, skin) -> {
            javafx.scene.Node viewport = scroll.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        return scroll;
    }

    static Region vgrow() {
        Region r = new Region();
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    static VBox column(double spacing, Pos align, Node... nodes) {
        VBox v = new VBox(spacing, nodes);
        v.setAlignment(align);
        return v;
    }

    static HBox row(double spacing, Pos align, Node... nodes) {
        HBox h = new HBox(spacing, nodes);
        h.setAlignment(align);
        return h;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** A round mark with one character, used as the service's logo and as icons. */
    static StackPane roundMark(String character, double size, Color fill, Color text) {
        Circle c = new Circle(size / 2, fill);
        c.setStroke(Color.WHITE);
        c.setStrokeWidth(Math.max(2, size / 24));
        Label l = new Label(character);
        l.setFont(Font.font(KioskFonts.CJK_FAMILY, FontWeight.BOLD, size * 0.5));
        // Inline style: the stylesheet's .label text colour would win over setTextFill.
        l.setStyle("-fx-text-fill: " + web(text) + ";");
        StackPane p = new StackPane(c, l);
        p.getStyleClass().add("round-mark");
        p.setMinSize(size, size);
        p.setMaxSize(size, size);
        return p;
    }
}
