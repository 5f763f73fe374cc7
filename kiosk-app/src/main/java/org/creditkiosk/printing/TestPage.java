package org.creditkiosk.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A one-page A4 test PDF for {@code kiosk device print-test --printer NAME} and the CUPS test: Chinese and Latin text
 * in the bundled fonts (subset-embedded; text runs split by font, since PDFBox has no glyph fallback), a frame
 * that shows the printable area. No personal data.
 */
public final class TestPage {

    static final String CJK_FONT = "/assets/fonts/DroidSansFallbackFull.ttf";
    static final String LATIN_FONT = "/assets/fonts/DejaVuSans.ttf";

    private TestPage() {
    }

    /** The lines printed on the page, in order (tests compare them with what arrives). */
    public static List<String> lines(String queue, String stamp) {
        return List.of(
                "公共信用信息自助查询终端 打印测试页",
                "Credit kiosk printer test page",
                "打印队列 Queue: " + queue,
                "时间 Time: " + stamp,
                "中文字体 汉字 测试 一二三四五六七八九十",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789");
    }

    public static byte[] render(String queue, String stamp) {
        try (PDDocument doc = new PDDocument();
             InputStream cjkIn = resource(CJK_FONT);
             InputStream latinIn = resource(LATIN_FONT)) {
            PDType0Font cjk = PDType0Font.load(doc, cjkIn, true);
            PDType0Font latin = PDType0Font.load(doc, latinIn, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(1f);
                cs.addRect(36, 36, PDRectangle.A4.getWidth() - 72, PDRectangle.A4.getHeight() - 72);
                cs.stroke();
                float y = PDRectangle.A4.getHeight() - 100;
                float size = 20;
                for (String line : lines(queue, stamp)) {
                    showMixed(cs, line, 72, y, size, cjk, latin);
                    y -= size * 2;
                    size = 14;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the test page", e);
        }
    }

    /** Writes {@code text} with the Latin font for ASCII and the CJK font for everything else. */
    static void showMixed(PDPageContentStream cs, String text, float x, float y, float size, PDFont cjk, PDFont latin)
            throws IOException {
        List<String> runs = new ArrayList<>();
        List<PDFont> fonts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        PDFont current = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            PDFont f = c < 0x80 ? latin : cjk;
            if (f != current && run.length() > 0) {
                runs.add(run.toString());
                fonts.add(current);
                run.setLength(0);
            }
            current = f;
            run.append(c);
        }
        if (run.length() > 0) {
            runs.add(run.toString());
            fonts.add(current);
        }
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (int i = 0; i < runs.size(); i++) {
            cs.setFont(fonts.get(i), size);
            cs.showText(runs.get(i));
        }
        cs.endText();
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = TestPage.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("font resource " + path + " is missing from the classpath");
        }
        return in;
    }
}
