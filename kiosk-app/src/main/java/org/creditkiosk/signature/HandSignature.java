package org.creditkiosk.signature;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A handwritten signature as drawn on the signature pad: strokes of points in pad coordinates, and the PNG the
 * platform receives (contract 1.1 {@code CommitmentRequest.signatureImage}: at most 1200x600 px, black on transparent).
 *
 * <p>Personal data (issue 15, privacy): it lives in memory for the visit only; {@link #wipe()} zeroes the PNG and
 * drops the strokes; {@link #toString()} says nothing of its shape. Nothing writes it to a file or a log.
 */
public final class HandSignature {

    /** One stroke: x and y in pad pixels, alternating. */
    public record Stroke(double[] xy) {
        public Stroke {
            Objects.requireNonNull(xy, "xy");
            if (xy.length % 2 != 0) {
                throw new IllegalArgumentException("a stroke needs x and y for every point");
            }
            xy = xy.clone();
        }

        public int points() {
            return xy.length / 2;
        }

        /** The drawn length in pad pixels. */
        public double length() {
            double l = 0;
            for (int i = 2; i < xy.length; i += 2) {
                l += Math.hypot(xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1]);
            }
            return l;
        }

        @Override
        public double[] xy() {
            return xy.clone();
        }
    }

    /** Ink a signature has at least, in pad pixels of stroke length (a name in Chinese needs several hundred). */
    public static final double MIN_INK = 250;
    /** The PNG's size: within the contract's 1200x600. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 400;
    private static final float PEN = 7f;

    private final List<Stroke> strokes;
    private final double padWidth;
    private final double padHeight;
    private byte[] png;

    private HandSignature(List<Stroke> strokes, double padWidth, double padHeight) {
        this.strokes = new ArrayList<>(strokes);
        this.padWidth = padWidth;
        this.padHeight = padHeight;
        this.png = render();
    }

    /** The signature drawn on a pad of {@code padWidth} x {@code padHeight}, scaled into the PNG. */
    public static HandSignature of(List<Stroke> strokes, double padWidth, double padHeight) {
        if (padWidth <= 0 || padHeight <= 0) {
            throw new IllegalArgumentException("pad size must be positive");
        }
        return new HandSignature(strokes, padWidth, padHeight);
    }

    /** Total stroke length in pad pixels. */
    public synchronized double ink() {
        return strokes.stream().mapToDouble(Stroke::length).sum();
    }

    /** Whether there is enough ink to count as a handwritten signature (not a dot, not a stray touch). */
    public boolean enoughInk() {
        return ink() >= MIN_INK;
    }

    /** The PNG (a copy); empty after {@link #wipe()}. */
    public synchronized byte[] png() {
        return png.clone();
    }

    /** Forgets the signature: the PNG bytes are zeroed, the strokes dropped. */
    public synchronized void wipe() {
        Arrays.fill(png, (byte) 0);
        png = new byte[0];
        strokes.clear();
    }

    public synchronized boolean wiped() {
        return png.length == 0;
    }

    /**
     * Black, round-capped strokes on transparent, smoothed through the midpoints of successive points (quadratic
     * curves), scaled to fit the PNG with the pad's aspect ratio.
     */
    private byte[] render() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double scale = Math.min(WIDTH / padWidth, HEIGHT / padHeight);
            double dx = (WIDTH - padWidth * scale) / 2;
            double dy = (HEIGHT - padHeight * scale) / 2;
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(PEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Stroke s : strokes) {
                g.draw(smooth(s.xy, scale, dx, dy));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the signature as PNG", e);
        }
        return out.toByteArray();
    }

    static Path2D smooth(double[] xy, double scale, double dx, double dy) {
        Path2D.Double path = new Path2D.Double();
        int n = xy.length / 2;
        if (n == 0) {
            return path;
        }
        double x0 = xy[0] * scale + dx;
        double y0 = xy[1] * scale + dy;
        path.moveTo(x0, y0);
        if (n == 1) {
            path.lineTo(x0, y0);
            return path;
        }
        for (int i = 1; i < n - 1; i++) {
            double cx = xy[2 * i] * scale + dx;
            double cy = xy[2 * i + 1] * scale + dy;
            double mx = (cx + xy[2 * i + 2] * scale + dx) / 2;
            double my = (cy + xy[2 * i + 3] * scale + dy) / 2;
            path.quadTo(cx, cy, mx, my);
        }
        path.lineTo(xy[2 * n - 2] * scale + dx, xy[2 * n - 1] * scale + dy);
        return path;
    }

    @Override
    public String toString() {
        return "HandSignature[" + (wiped() ? "wiped" : "present") + "]";
    }
}
