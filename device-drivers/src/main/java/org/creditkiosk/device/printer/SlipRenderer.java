package org.creditkiosk.device.printer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws a {@link PrintedSlip} as the paper would look (203 dpi, 576 printable dots on 80 mm paper), for people
 * (docs, the maintenance screen) and tests. Font A cells: 12 x 24 dots for ASCII, 24 x 24 for GB characters.
 *
 * <p>device-drivers ships no fonts: the caller passes a CJK font (kiosk-app has one in its resources) and,
 * optionally, a Latin font; without them logical fonts are used, which may lack CJK glyphs on a bare system.
 */
public final class SlipRenderer {

    private static final int DOTS = 576;
    private static final int MARGIN = 16;
    private static final int CELL_H = 24;
    private static final int HALF_W = 12;
    private static final int LINE_GAP = 6;
    private static final int FEED_LINE = 30;

    private final Font latin;
    private final Font cjk;

    public SlipRenderer(Font latin, Font cjk) {
        this.latin = Objects.requireNonNull(latin, "latin").deriveFont(Font.PLAIN, 22f);
        this.cjk = Objects.requireNonNull(cjk, "cjk").deriveFont(Font.PLAIN, 22f);
    }

    /** With Java's logical fonts only. */
    public static SlipRenderer withLogicalFonts() {
        return new SlipRenderer(new Font(Font.MONOSPACED, Font.PLAIN, 22), new Font(Font.DIALOG, Font.PLAIN, 22));
    }

    public void writePng(PrintedSlip slip, OutputStream out) throws IOException {
        ImageIO.write(render(slip), "png", out);
    }

    public BufferedImage render(PrintedSlip slip) {
        int height = MARGIN + heightOf(slip) + MARGIN + (slip.cut() ? 12 : 0);
        BufferedImage img = new BufferedImage(DOTS + 2 * MARGIN, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            for (PrintedSlip.Item item : slip.items()) {
                y = draw(g, item, y);
            }
            if (slip.cut()) {
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
                g.setColor(Color.GRAY);
                g.drawLine(0, height - 6, img.getWidth(), height - 6);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private int heightOf(PrintedSlip slip) {
        int h = 0;
        for (PrintedSlip.Item item : slip.items()) {
            h += itemHeight(item);
        }
        return h;
    }

    private static int itemHeight(PrintedSlip.Item item) {
        if (item instanceof PrintedSlip.Line l) {
            return CELL_H * heightMul(l.size()) + LINE_GAP;
        }
        if (item instanceof PrintedSlip.Qr q) {
            return qrSize(q) + LINE_GAP;
        }
        if (item instanceof PrintedSlip.Image i) {
            return i.raster().heightDots() + LINE_GAP;
        }
        return FEED_LINE * ((PrintedSlip.Feed) item).lines();
    }

    private int draw(Graphics2D g, PrintedSlip.Item item, int y) {
        if (item instanceof PrintedSlip.Line l) {
            drawLine(g, l, y);
        } else if (item instanceof PrintedSlip.Qr q) {
            boolean[][] m = EscPosEncoder.qrModules(q.payload(), ecOf(q.errorCorrection()));
            int size = m.length * q.moduleDots();
            int x0 = MARGIN + offset(q.align(), size);
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < m.length; c++) {
                    if (m[r][c]) {
                        g.fillRect(x0 + c * q.moduleDots(), y + r * q.moduleDots(), q.moduleDots(), q.moduleDots());
                    }
                }
            }
        } else if (item instanceof PrintedSlip.Image i) {
            RasterImage r = i.raster();
            int x0 = MARGIN + offset(i.align(), r.widthDots());
            for (int yy = 0; yy < r.heightDots(); yy++) {
                for (int xx = 0; xx < r.widthDots(); xx++) {
                    if (r.dark(xx, yy)) {
                        g.fillRect(x0 + xx, y + yy, 1, 1);
                    }
                }
            }
        }
        return y + itemHeight(item);
    }

    private void drawLine(Graphics2D g, PrintedSlip.Line l, int y) {
        int wm = l.size() == ReceiptSlip.Size.DOUBLE ? 2 : 1;
        int hm = heightMul(l.size());
        int width = 0;
        for (int i = 0; i < l.text().length(); i++) {
            width += cellWidth(l.text().charAt(i)) * wm;
        }
        int x = MARGIN + offset(l.align(), Math.min(width, DOTS));
        AffineTransform scale = AffineTransform.getScaleInstance(wm, hm);
        int baseline = y + CELL_H * hm - 4 * hm;
        for (int i = 0; i < l.text().length(); i++) {
            char ch = l.text().charAt(i);
            int cw = cellWidth(ch);
            Font f = (cw == HALF_W && latin.canDisplay(ch)) || !cjk.canDisplay(ch) ? latin : cjk;
            Font sized = f.deriveFont(l.bold() ? Font.BOLD : Font.PLAIN).deriveFont(scale);
            g.setFont(sized);
            String s = String.valueOf(ch);
            int gw = g.getFontMetrics().stringWidth(s);
            int cx = x + Math.max(0, (cw * wm - gw) / 2);
            g.drawString(s, cx, baseline);
            if (l.bold()) {
                g.drawString(s, cx + 1, baseline);   // thermal "emphasis" is a double strike
            }
            x += cw * wm;
        }
    }

    private static int cellWidth(char ch) {
        return ch < 0x80 ? HALF_W : 2 * HALF_W;
    }

    private static int heightMul(ReceiptSlip.Size s) {
        return s == ReceiptSlip.Size.NORMAL ? 1 : 2;
    }

    private static int offset(ReceiptSlip.Align a, int width) {
        return switch (a) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (DOTS - width) / 2);
            case RIGHT -> Math.max(0, DOTS - width);
        };
    }

    private static int qrSize(PrintedSlip.Qr q) {
        return EscPosEncoder.qrModules(q.payload(), ecOf(q.errorCorrection())).length * q.moduleDots();
    }

    private static EscPosSettings.QrErrorCorrection ecOf(int v) {
        for (EscPosSettings.QrErrorCorrection ec : EscPosSettings.QrErrorCorrection.values()) {
            if (ec.escPosValue() == v) {
                return ec;
            }
        }
        return EscPosSettings.QrErrorCorrection.M;
    }
}
