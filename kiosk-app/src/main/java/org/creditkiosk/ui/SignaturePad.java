package org.creditkiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.creditkiosk.signature.HandSignature;

/**
 * The signature pad (issue 15): a canvas the citizen writes on with a finger or the mouse. JavaFX on Linux delivers
 * touch as synthesized mouse events, so the pad listens to mouse pressed/dragged/released only and serves both.
 * Strokes are smoothed through the midpoints of successive points, as {@link HandSignature} renders them into the PNG.
 * The strokes live in this node only; {@link #clear()} drops them, a new screen starts empty.
 */
final class SignaturePad extends StackPane {

    /** Points closer than this to the previous one add nothing but jitter. */
    private static final double MIN_STEP = 1.5;
    private static final double PEN = 4.5;

    private final Canvas canvas;
    private final List<HandSignature.Stroke> strokes = new ArrayList<>();
    private final List<Double> current = new ArrayList<>();
    private final Runnable onChange;

    SignaturePad(double width, double height, Runnable onChange) {
        this.onChange = onChange;
        canvas = new Canvas(width, height);
        canvas.setId("signature-canvas");
        getChildren().add(canvas);
        getStyleClass().add("signature-pad");
        setMaxSize(width + 8, height + 8);
        setStyle("-fx-background-color: white; -fx-border-color: #6f93c9; -fx-border-width: 3; -fx-border-style: dashed;");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> begin(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> extend(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> end());
        redraw();
    }

    private void begin(double x, double y) {
        current.clear();
        current.add(clampX(x));
        current.add(clampY(y));
        redraw();
    }

    private void extend(double x, double y) {
        if (current.isEmpty()) {
            begin(x, y);
            return;
        }
        double lx = current.get(current.size() - 2);
        double ly = current.get(current.size() - 1);
        if (Math.hypot(x - lx, y - ly) < MIN_STEP) {
            return;
        }
        current.add(clampX(x));
        current.add(clampY(y));
        redraw();
    }

    private void end() {
        if (!current.isEmpty()) {
            double[] xy = new double[current.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = current.get(i);
            }
            strokes.add(new HandSignature.Stroke(xy));
            current.clear();
            redraw();
            onChange.run();
        }
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(canvas.getWidth(), x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(canvas.getHeight(), y));
    }

    void clear() {
        strokes.clear();
        current.clear();
        redraw();
        onChange.run();
    }

    /** Drawn length so far, in pad pixels. */
    double ink() {
        return strokes.stream().mapToDouble(HandSignature.Stroke::length).sum();
    }

    int strokeCount() {
        return strokes.size();
    }

    /** The signature as drawn; the pad keeps nothing once the screen goes. */
    HandSignature signature() {
        return HandSignature.of(strokes, canvas.getWidth(), canvas.getHeight());
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // a baseline to write on
        g.setStroke(Color.web("#c9d8ef"));
        g.setLineWidth(2);
        g.strokeLine(30, canvas.getHeight() * 0.78, canvas.getWidth() - 30, canvas.getHeight() * 0.78);
        g.setStroke(Color.BLACK);
        g.setLineWidth(PEN);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (HandSignature.Stroke s : strokes) {
            draw(g, s.xy());
        }
        if (!current.isEmpty()) {
            double[] xy = new double[current.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = current.get(i);
            }
            draw(g, xy);
        }
    }

    private static void draw(GraphicsContext g, double[] xy) {
        int n = xy.length / 2;
        g.beginPath();
        g.moveTo(xy[0], xy[1]);
        if (n == 1) {
            g.lineTo(xy[0] + 0.1, xy[1]);
        }
        for (int i = 1; i < n - 1; i++) {
            g.quadraticCurveTo(xy[2 * i], xy[2 * i + 1], (xy[2 * i] + xy[2 * i + 2]) / 2, (xy[2 * i + 1] + xy[2 * i + 3]) / 2);
        }
        if (n > 1) {
            g.lineTo(xy[2 * n - 2], xy[2 * n - 1]);
        }
        g.stroke();
    }
}
