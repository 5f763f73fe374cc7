package org.creditkiosk.report.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/** Drawing primitives shared by the page flow, the seal and the QR mark. All colours are sRGB (PDF/A output intent). */
public final class Ink {

    public static final float MM = 72f / 25.4f;

    public static final PDColor BLACK = rgb(0.08f, 0.08f, 0.08f);
    public static final PDColor GREY = rgb(0.35f, 0.35f, 0.35f);
    public static final PDColor RULE = rgb(0.45f, 0.45f, 0.45f);
    public static final PDColor SHADE = rgb(0.925f, 0.925f, 0.925f);
    public static final PDColor LABEL_SHADE = rgb(0.965f, 0.965f, 0.965f);
    /** Seal red and the red rule under the title (the "红头" of an official document). */
    public static final PDColor RED = rgb(0.80f, 0.08f, 0.08f);
    public static final PDColor WHITE = rgb(1f, 1f, 1f);

    private Ink() {
    }

    public static PDColor rgb(float r, float g, float b) {
        return new PDColor(new float[] {r, g, b}, PDDeviceRGB.INSTANCE);
    }

    /** Horizontal text at (x, baseline y). */
    public static void text(PDPageContentStream cs, DocumentFonts fonts, String text, float x, float y, float size,
            boolean bold, PDColor color) throws IOException {
        text(cs, fonts.runs(text, bold), x, y, size, color, null);
    }

    /** Runs at (x, y), optionally rotated by {@code rotation} (a matrix applied before the position). */
    public static void text(PDPageContentStream cs, List<DocumentFonts.Run> runs, float x, float y, float size,
            PDColor color, Matrix rotation) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setNonStrokingColor(color);
        Matrix m = rotation == null ? Matrix.getTranslateInstance(x, y) : rotation;
        cs.setTextMatrix(m);
        boolean stroked = false;
        for (DocumentFonts.Run run : runs) {
            cs.setFont(run.font(), size);
            if (run.fakeBold() != stroked) {
                if (run.fakeBold()) {
                    cs.setStrokingColor(color);
                    cs.setLineWidth(size * 0.035f);
                    cs.setRenderingMode(RenderingMode.FILL_STROKE);
                } else {
                    cs.setRenderingMode(RenderingMode.FILL);
                }
                stroked = run.fakeBold();
            }
            cs.showText(run.text());
        }
        if (stroked) {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.endText();
    }

    public static void line(PDPageContentStream cs, float x1, float y1, float x2, float y2, float width, PDColor color)
            throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    public static void fill(PDPageContentStream cs, float x, float y, float w, float h, PDColor color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, y, w, h);
        cs.fill();
    }
}
