package org.creditkiosk.report.pdf;

import static org.creditkiosk.report.pdf.Ink.MM;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.creditkiosk.report.CommitmentPaper;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.ReportText;

/**
 * The printed credit commitment (信用承诺书, issue 15) on A4, with the report's page flow, fonts, seal and QR:
 * title, number block with the verification QR, kind, department and matter, the subject with its masked number,
 * the verbatim text, the handwritten signature image, date and place, the hall seal, and on every page the number,
 * "page x / y" and where to verify.
 */
public final class CommitmentDocument {

    private static final float BODY = 12f;

    private final PDDocument doc;
    private final DocumentFonts fonts;
    private final CommitmentPaper paper;
    private final ReportSettings settings;
    private final PageFlow flow;
    private final QrMark qr;

    private CommitmentDocument(PDDocument doc, DocumentFonts fonts, CommitmentPaper paper, ReportSettings settings) {
        this.doc = doc;
        this.fonts = fonts;
        this.paper = paper;
        this.settings = settings;
        this.flow = new PageFlow(doc, fonts);
        this.qr = QrMark.of(paper.commitment().verifyUrl());
    }

    /** Lays out the whole commitment into {@code doc}; returns the page count. */
    public static int layout(PDDocument doc, DocumentFonts fonts, CommitmentPaper paper, ReportSettings settings) {
        CommitmentDocument d = new CommitmentDocument(doc, fonts, paper, settings);
        d.head();
        d.text();
        d.signature();
        d.flow.finish();
        d.runningHeadAndFoot();
        return d.flow.pages().size();
    }

    private void head() {
        PDPageContentStream cs = flow.content();
        String title = paper.template().title();
        float y = PageFlow.TOP - 6 * MM;
        float size = title.length() > 18 ? 17 : 21;
        flow.draw(title, (PageFlow.A4.getWidth() - fonts.width(title, size, true)) / 2, y, size, true, Ink.BLACK);
        String sub = "（" + paper.template().kind().chinese() + "信用承诺）";
        y -= 9 * MM;
        flow.draw(sub, (PageFlow.A4.getWidth() - fonts.width(sub, 12, false)) / 2, y, 12, false, Ink.BLACK);
        y -= 5 * MM;
        try {
            Ink.line(cs, PageFlow.LEFT, y, PageFlow.RIGHT, y, 1.6f, Ink.RED);
            Ink.line(cs, PageFlow.LEFT, y - 2.2f, PageFlow.RIGHT, y - 2.2f, 0.5f, Ink.RED);
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw the title rule", e);
        }
        float qrSize = 26 * MM;
        float top = y - 5 * MM;
        float qrX = PageFlow.RIGHT - qrSize - 2 * MM;
        qr.draw(cs, qrX, top - qrSize, qrSize);
        String no = paper.commitment().commitmentNo();
        float small = 6.8f;
        flow.draw(no, qrX + (qrSize - fonts.width(no, small, false)) / 2, top - qrSize - 4 * MM, small, false, Ink.BLACK);
        String scan = "扫码核验";
        flow.draw(scan, qrX + (qrSize - fonts.width(scan, small, false)) / 2, top - qrSize - 7.2f * MM, small, false, Ink.GREY);

        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("承诺编号", no);
        lines.put("承诺类型", paper.template().kind().chinese());
        lines.put("受诺部门", paper.template().department());
        paper.template().matter().ifPresent(m -> lines.put("承诺事项", m));
        lines.put(paper.subjectKind().isOrganization() ? "承诺主体" : "承 诺 人", paper.subjectName());
        lines.put(paper.subjectKind().isOrganization() ? "信用代码" : "证件号码", paper.subjectId());
        paper.commitment().publicUntil().ifPresent(d -> lines.put("公示期至", ReportText.dateCn(d)));
        float ly = top - 4 * MM;
        float labelX = PageFlow.LEFT + 2 * MM;
        float valueX = labelX + 24 * MM;
        float maxValue = qrX - valueX - 4 * MM;
        for (Map.Entry<String, String> e : lines.entrySet()) {
            flow.draw(e.getKey() + "：", labelX, ly, 10.5f, true, Ink.BLACK);
            for (String part : LineBreaker.wrap(fonts, e.getValue(), 10.5f, false, maxValue)) {
                flow.draw(part, valueX, ly, 10.5f, false, Ink.BLACK);
                ly -= 5.6f * MM;
            }
            ly -= 0.8f * MM;
        }
        flow.moveTo(Math.min(ly, top - qrSize - 10 * MM));
        flow.space(3);
    }

    /** The text, verbatim: one paragraph per template paragraph, first lines indented by two characters. */
    private void text() {
        for (String paragraph : paper.template().paragraphs()) {
            flow.paragraph("\u3000\u3000" + paragraph, BODY, false, Ink.BLACK, 0);
            flow.space(1.6f);
        }
    }

    private void signature() {
        float imageW = 62 * MM;
        float imageH = imageW * 0.4f;
        float radius = 20 * MM;
        float block = imageH + 30 * MM;
        flow.ensure(block);
        float top = flow.y() - 6 * MM;
        PDPageContentStream cs = flow.content();
        float labelX = PageFlow.LEFT + 70 * MM;
        float size = 12;
        String who = paper.subjectKind().isOrganization() ? "承诺主体（代表人签名）：" : "承诺人（签名）：";
        flow.draw(who, labelX, top - imageH / 2, size, true, Ink.BLACK);
        float imageX = labelX + fonts.width(who, size, true);
        if (imageX + imageW > PageFlow.RIGHT) {
            imageX = PageFlow.RIGHT - imageW;
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(paper.signaturePng()));
            if (img == null) {
                throw new IOException("the signature is not a readable image");
            }
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            float h = Math.min(imageH, imageW * img.getHeight() / img.getWidth());
            cs.drawImage(x, imageX, top - imageH / 2 - h / 2 + 2 * MM, imageW, h);
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw the signature", e);
        }
        String date = "签署日期：" + ReportText.timeCn(paper.commitment().signedAt(), settings.zone());
        String place = "签署地点：" + settings.hallName();
        float textY = top - imageH - 6 * MM;
        flow.draw(date, labelX, textY, 10.5f, false, Ink.BLACK);
        flow.draw(place, labelX, textY - 6 * MM, 10.5f, false, Ink.BLACK);
        String office = "见证机构：" + settings.issuingOffice();
        flow.draw(office, labelX, textY - 12 * MM, 10.5f, false, Ink.BLACK);
        // Stamped over the end of the witness lines, as a hall's seal is, leaving the date readable.
        Seal.drawConfigured(doc, cs, fonts, settings, PageFlow.RIGHT - radius - 2 * MM, textY - 8 * MM, radius);
        flow.moveTo(textY - 12 * MM - radius);
    }

    private void runningHeadAndFoot() {
        List<PDPage> pages = flow.pages();
        int total = pages.size();
        String left = "信用承诺书（" + paper.template().kind().chinese() + "）";
        String right = "承诺编号：" + paper.commitment().commitmentNo();
        String verify = "核验：扫描首页二维码，或访问 " + paper.commitment().verifyUrl();
        float size = 7.8f;
        float headY = PageFlow.A4.getHeight() - 14 * MM;
        float footY = 12 * MM;
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                Ink.text(cs, fonts, left, PageFlow.LEFT, headY, size, false, Ink.GREY);
                Ink.text(cs, fonts, right, PageFlow.RIGHT - fonts.width(right, size, false), headY, size, false, Ink.GREY);
                Ink.line(cs, PageFlow.LEFT, headY - 2 * MM, PageFlow.RIGHT, headY - 2 * MM, 0.6f, Ink.RED);
                Ink.line(cs, PageFlow.LEFT, footY + 4.5f * MM, PageFlow.RIGHT, footY + 4.5f * MM, 0.4f, Ink.RULE);
                String page = "第 " + (i + 1) + " 页 / 共 " + total + " 页";
                Ink.text(cs, fonts, verify, PageFlow.LEFT, footY, size - 0.6f, false, Ink.GREY);
                Ink.text(cs, fonts, page, PageFlow.RIGHT - fonts.width(page, size, false), footY, size, false, Ink.BLACK);
            } catch (IOException e) {
                throw new ReportLayoutException("cannot draw header/footer of page " + (i + 1), e);
            }
        }
    }
}
