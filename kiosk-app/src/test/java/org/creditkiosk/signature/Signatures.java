package org.creditkiosk.signature;

import java.util.ArrayList;
import java.util.List;

/** Signatures for tests: a drawn name-like scribble, and a dot. */
public final class Signatures {

    private Signatures() {
    }

    /** Three loops and a tail on a 600x240 pad: several hundred pixels of ink. */
    public static HandSignature scribble() {
        List<HandSignature.Stroke> strokes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] xy = new double[2 * 40];
            for (int i = 0; i < 40; i++) {
                double t = i / 39.0 * 2 * Math.PI;
                xy[2 * i] = 80 + s * 170 + 60 * Math.cos(t) + i * 1.5;
                xy[2 * i + 1] = 120 + 70 * Math.sin(t);
            }
            strokes.add(new HandSignature.Stroke(xy));
        }
        strokes.add(new HandSignature.Stroke(new double[] {60, 200, 300, 215, 560, 190}));
        return HandSignature.of(strokes, 600, 240);
    }

    public static HandSignature dot() {
        return HandSignature.of(List.of(new HandSignature.Stroke(new double[] {300, 120, 302, 121})), 600, 240);
    }
}
