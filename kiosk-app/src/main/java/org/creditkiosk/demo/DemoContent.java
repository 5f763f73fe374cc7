package org.creditkiosk.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The demo's hall content (issue 12): three attract slides drawn here with Java2D, so they are made by the project,
 * reproducible from this source, and free of third-party rights (licence: the project's own, like this file; the
 * lettering uses the bundled Droid Sans Fallback, Apache License 2.0). 1280×720 PNG each. The demo platform serves
 * them at {@code /v1/content/{sha256}} and the demo bundle names them.
 */
public final class DemoContent {

    /** A slide's picture and captions. */
    public record Slide(byte[] png, String captionZh, String captionEn, int durationS) {
    }

    private static final int W = 1280;
    private static final int H = 720;

    private DemoContent() {
    }

    /** The demo slides (drawn anew on each call; the same bytes on the same Java). */
    public static List<Slide> slides() {
        return List.of(
                new Slide(draw(new Color(0x8e1b1b), new Color(0xc62828), "诚信建设 人人参与", "Integrity is built by everyone",
                        DemoContent::seal), CAPTIONS[0][0], CAPTIONS[0][1], 8),
                new Slide(draw(new Color(0x0d4d6b), new Color(0x1b7f8c), "信易+ 守信者享便利", "Credit+: trust brings convenience",
                        DemoContent::check), CAPTIONS[1][0], CAPTIONS[1][1], 8),
                new Slide(draw(new Color(0x6b4a0d), new Color(0xb07d1b), "信用报告 自助打印", "Print your credit report here",
                        DemoContent::document), CAPTIONS[2][0], CAPTIONS[2][1], 8));
    }

    /** Bump when {@link #draw} changes: cached slides are keyed by it and by their texts. */
    private static final String DRAWING_VERSION = "1";

    /**
     * The demo slides, drawn once into {@code cacheDir} and read from there at later starts (drawing them takes
     * about 0.4–0.8 s of a demo kiosk's start). A file is keyed by the drawing version and the slide's texts.
     */
    public static List<Slide> slides(java.nio.file.Path cacheDir) throws java.io.IOException {
        List<Slide> drawnNow = null;
        List<Slide> out = new java.util.ArrayList<>();
        String[][] texts = {
            {"诚信建设 人人参与", "Integrity is built by everyone"},
            {"信易+ 守信者享便利", "Credit+: trust brings convenience"},
            {"信用报告 自助打印", "Print your credit report here"}};
        java.nio.file.Files.createDirectories(cacheDir);
        for (int i = 0; i < texts.length; i++) {
            String key = java.util.HexFormat.of().formatHex(sha256(DRAWING_VERSION + "|" + W + "x" + H + "|" + i + "|"
                    + texts[i][0] + "|" + texts[i][1])).substring(0, 16);
            java.nio.file.Path file = cacheDir.resolve("slide-" + key + ".png");
            if (drawnNow == null && !java.nio.file.Files.isRegularFile(file)) {
                drawnNow = slides();
            }
            Slide template = drawnNow != null ? drawnNow.get(i) : null;
            byte[] png;
            if (java.nio.file.Files.isRegularFile(file)) {
                png = java.nio.file.Files.readAllBytes(file);
            } else {
                png = template.png();
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile(cacheDir, "slide-", ".tmp");
                java.nio.file.Files.write(tmp, png);
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            out.add(new Slide(png, CAPTIONS[i][0], CAPTIONS[i][1], 8));
        }
        return out;
    }

    private static final String[][] CAPTIONS = {
        {"诚信建设，万人参与：守信光荣，失信可耻", "Integrity for all: keeping one's word is honoured"},
        {"「信易+」：信用良好可享免押金、绿色通道等便利", "Credit+: good credit means no deposits and fast lanes"},
        {"刷身份证或出示「信用榆林」APP 码，即可查询并打印信用报告", "Place your ID card or show the Credit Yulin app code to view and print your report"}};

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Icon {
        void draw(Graphics2D g, int cx, int cy, int r);
    }

    private static byte[] draw(Color from, Color to, String title, String subtitle, Icon icon) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, W, H, to));
            g.fillRect(0, 0, W, H);
            // soft rings in the background
            g.setColor(new Color(255, 255, 255, 22));
            g.setStroke(new BasicStroke(40f));
            for (int i = 0; i < 4; i++) {
                int r = 260 + i * 150;
                g.draw(new Ellipse2D.Double(W - 260 - r, H / 2.0 - r, 2.0 * r, 2.0 * r));
            }
            icon.draw(g, 1010, 330, 160);
            g.setColor(Color.WHITE);
            drawMixed(g, title, 90, 330, 70f);
            g.setColor(new Color(255, 255, 255, 210));
            drawMixed(g, subtitle, 94, 400, 34f);
            g.setColor(new Color(255, 255, 255, 160));
            g.fillRoundRect(94, 440, 120, 8, 8, 8);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seal(Graphics2D g, int cx, int cy, int r) {
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2.0 * r, 2.0 * r));
        g.setColor(new Color(0xc62828));
        g.setStroke(new BasicStroke(10f));
        g.draw(new Ellipse2D.Double(cx - r + 18, cy - r + 18, 2.0 * r - 36, 2.0 * r - 36));
        g.setFont(font().deriveFont(Font.PLAIN, 170f));
        var fm = g.getFontMetrics();
        g.drawString("信", cx - fm.stringWidth("信") / 2, cy + fm.getAscent() / 2 - 20);
    }

    private static void check(Graphics2D g, int cx, int cy, int r) {
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(cx - r, cy - r * 0.7, 2.0 * r, 1.4 * r, 40, 40));
        g.setColor(new Color(0x1b7f8c));
        g.setStroke(new BasicStroke(30f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D p = new Path2D.Double();
        p.moveTo(cx - r * 0.45, cy);
        p.lineTo(cx - r * 0.1, cy + r * 0.33);
        p.lineTo(cx + r * 0.5, cy - r * 0.35);
        g.draw(p);
    }

    private static void document(Graphics2D g, int cx, int cy, int r) {
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(cx - r * 0.7, cy - r, 1.4 * r, 2.0 * r, 24, 24));
        g.setColor(new Color(0xb07d1b));
        for (int i = 0; i < 5; i++) {
            g.fillRoundRect((int) (cx - r * 0.5), (int) (cy - r * 0.65 + i * r * 0.3), (int) (r * (i == 4 ? 0.6 : 1.0)), 14, 14, 14);
        }
        g.setColor(new Color(0xc62828));
        g.fill(new Ellipse2D.Double(cx + r * 0.15, cy + r * 0.45, r * 0.4, r * 0.4));
    }

    /** Each character in the first bundled font that has it (the CJK font has no Latin, DejaVu no CJK). */
    private static void drawMixed(Graphics2D g, String text, int x, int y, float size) {
        Font cjk = font().deriveFont(Font.PLAIN, size);
        Font latin = font("DejaVuSans.ttf").deriveFont(Font.PLAIN, size);
        int at = x;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Font f = latin.canDisplay(cp) ? latin : cjk;
            String ch = new String(Character.toChars(cp));
            g.setFont(f);
            g.drawString(ch, at, y);
            at += g.getFontMetrics().stringWidth(ch);
            i += Character.charCount(cp);
        }
    }

    private static Font font() {
        return font("DroidSansFallbackFull.ttf");
    }

    private static Font font(String file) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/assets/fonts/" + file)) {
            if (in == null) {
                return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }
}
