package org.creditkiosk.report.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The issuing office's round seal as vector graphics, after the form of Chinese official seals (公章): a red ring, a
 * five-pointed star in the centre, the office name along the upper arc reading clockwise, and a horizontal line of
 * text (e.g. 信用报告专用章) under the star. Vector rather than an image so it stays sharp and small.
 */
public final class Seal {

    private static final float CONDENSED = 0.8f;

    private Seal() {
    }

    /**
     * The hall's seal as configured: its image ({@code report.sealImage}) when there is one, else drawn from the seal
     * lines. Shared by the report and the commitment (issue 15).
     */
    public static void drawConfigured(org.apache.pdfbox.pdmodel.PDDocument doc, PDPageContentStream cs, DocumentFonts fonts,
            org.creditkiosk.report.ReportSettings settings, float cx, float cy, float radius) {
        if (settings.sealImage().isEmpty()) {
            draw(cs, fonts, cx, cy, radius, settings.sealLines().get(0),
                    settings.sealLines().subList(1, settings.sealLines().size()));
            return;
        }
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(settings.sealImage().get().toFile());
            if (img == null) {
                throw new java.io.IOException("not an image: " + settings.sealImage().get());
            }
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject x =
                    org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
            float d = 2 * radius;
            float h = d * img.getHeight() / img.getWidth();
            cs.drawImage(x, cx - radius, cy - h / 2, d, h);
        } catch (java.io.IOException e) {
            throw new ReportLayoutException("cannot draw the image seal " + settings.sealImage().get(), e);
        }
    }

    /**
     * @param arcText   text on the arc (the office name)
     * @param lowerText lines under the star, top to bottom (may be empty)
     */
    public static void draw(PDPageContentStream cs, DocumentFonts fonts, float cx, float cy, float radius,
            String arcText, List<String> lowerText) {
        try {
            cs.saveGraphicsState();
            // Multiply, like ink on paper: the black issuer line under the seal stays legible (PDF/A-2 allows
            // blend modes; the page then needs no group of its own because the output intent defines the colours).
            PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
            ink.setBlendMode(BlendMode.MULTIPLY);
            cs.setGraphicsStateParameters(ink);
            float ring = radius * 0.05f;
            cs.setStrokingColor(Ink.RED);
            cs.setNonStrokingColor(Ink.RED);
            cs.setLineWidth(ring);
            circle(cs, cx, cy, radius - ring / 2);
            cs.stroke();

            star(cs, cx, cy, radius * 0.3f);
            cs.fill();

            arc(cs, fonts, cx, cy, radius - ring, arcText);

            float size = radius * 0.15f;
            float baseline = cy - radius * 0.52f;
            for (String line : lowerText) {
                float w = fonts.width(line, size, true);
                Ink.text(cs, fonts.runs(line, true), cx - w / 2, baseline, size, Ink.RED, null);
                baseline -= size * 1.25f;
            }
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw the seal", e);
        }
    }

    /** Characters placed one by one on the upper arc, each upright towards the rim, evenly spread. */
    private static void arc(PDPageContentStream cs, DocumentFonts fonts, float cx, float cy, float inner, String text)
            throws IOException {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 0) {
            return;
        }
        // About 21 degrees per character like a real seal; long names get smaller characters, up to 250 degrees.
        float size = inner * (cps.length <= 11 ? 0.25f : Math.max(0.14f, 0.25f * 11 / cps.length));
        float textRadius = inner - size * 1.02f;
        double perChar = 21.0 * size / (inner * 0.25f);
        double sweep = Math.toRadians(Math.min(250, perChar * (cps.length - 1)));
        double step = cps.length == 1 ? 0 : sweep / (cps.length - 1);
        double angle = Math.PI / 2 + sweep / 2;
        for (int cp : cps) {
            String ch = new String(Character.toChars(cp));
            // Seal lettering is condensed (narrow 仿宋/宋体 on real seals): 80 % width.
            float w = fonts.width(ch, size, true) * CONDENSED;
            double rot = angle - Math.PI / 2;
            float px = cx + (float) (textRadius * Math.cos(angle));
            float py = cy + (float) (textRadius * Math.sin(angle));
            Matrix m = Matrix.getRotateInstance(rot, px, py);
            m.translate(-w / 2, 0);
            m.scale(CONDENSED, 1);
            Ink.text(cs, fonts.runs(ch, true), 0, 0, size, Ink.RED, m);
            angle -= step;
        }
    }

    private static void star(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float inner = r * 0.382f;
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? r : inner;
            float x = cx + (float) (rr * Math.cos(a));
            float y = cy + (float) (rr * Math.sin(a));
            if (i == 0) {
                cs.moveTo(x, y);
            } else {
                cs.lineTo(x, y);
            }
        }
        cs.closePath();
    }

    /** A circle from four Bézier arcs (kappa = 0.5523). */
    static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }
}
