package org.creditkiosk.report.pdf;

import static org.creditkiosk.report.ReportText.NONE;
import static org.creditkiosk.report.ReportText.date;
import static org.creditkiosk.report.pdf.Ink.MM;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.creditkiosk.platform.api.Benefit;
import org.creditkiosk.platform.api.Commitment;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.JudicialItem;
import org.creditkiosk.platform.api.ListEntry;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Penalty;
import org.creditkiosk.platform.api.Permit;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.Score;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.ReportText;

/**
 * The A4 report's content, in the order of issue 4 (after the national report format V2.0, see DOMAIN.md): title,
 * cover block with QR, subject, summary, score (persons; the city's own), red list, black list, court listings,
 * administrative penalties, licences, commitments, 信易+ benefits, open objections, statement, issuer line with seal
 * and QR. Every page carries a header with the report number and a footer with "page x / y" and where to verify.
 */
public final class ReportDocument {

    private static final float BODY = 9.5f;
    private static final float TABLE = 8.6f;
    private static final float HEADING = 12f;

    private final CreditRecord record;
    private final ReportAllocation allocation;
    private final ReportSettings settings;
    private final LocalDate asOf;
    private final PageFlow flow;
    private final DocumentFonts fonts;
    private final PDDocument doc;
    private final QrMark qr;
    private int section;

    private ReportDocument(PDDocument doc, DocumentFonts fonts, CreditRecord record, ReportAllocation allocation,
            ReportSettings settings) {
        this.doc = doc;
        this.fonts = fonts;
        this.record = record;
        this.allocation = allocation;
        this.settings = settings;
        this.asOf = ReportText.asOf(record, settings.zone());
        this.flow = new PageFlow(doc, fonts);
        this.qr = QrMark.of(allocation.verifyUrl());
    }

    /** Lays out the whole report into {@code doc}; returns the page count. */
    public static int layout(PDDocument doc, DocumentFonts fonts, CreditRecord record, ReportAllocation allocation,
            ReportSettings settings) {
        ReportDocument r = new ReportDocument(doc, fonts, record, allocation, settings);
        r.cover();
        r.subject();
        r.summary();
        if (!record.subject().kind().isOrganization()) {
            r.score();
        }
        r.lists();
        r.judicial();
        r.penalties();
        r.permits();
        r.commitments();
        r.benefits();
        r.objections();
        r.statement();
        r.issuer();
        r.flow.finish();
        r.runningHeadAndFoot();
        return r.flow.pages().size();
    }

    // ---------------------------------------------------------------- cover

    private void cover() {
        PDPageContentStream cs = flow.content();
        String title = ReportText.TITLE;
        float y = PageFlow.TOP - 6 * MM;
        float size = 22;
        flow.draw(title, center(title, size, true), y, size, true, Ink.BLACK);
        String sub = "（" + ReportText.subjectClass(record.subject().kind()) + "）";
        y -= 9 * MM;
        flow.draw(sub, center(sub, 13, false), y, 13, false, Ink.BLACK);
        y -= 5 * MM;
        try {
            // The red double rule under the title of an official document.
            Ink.line(cs, PageFlow.LEFT, y, PageFlow.RIGHT, y, 1.6f, Ink.RED);
            Ink.line(cs, PageFlow.LEFT, y - 2.2f, PageFlow.RIGHT, y - 2.2f, 0.5f, Ink.RED);
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw the title rule", e);
        }

        float qrSize = 26 * MM;
        float blockTop = y - 5 * MM;
        float qrX = PageFlow.RIGHT - qrSize - 2 * MM;
        qr.draw(cs, qrX, blockTop - qrSize, qrSize);
        float numSize = 6.8f;
        String no = allocation.reportNo();
        flow.draw(no, qrX + (qrSize - fonts.width(no, numSize, false)) / 2, blockTop - qrSize - 4 * MM, numSize, false, Ink.BLACK);
        String scan = "扫码核验";
        flow.draw(scan, qrX + (qrSize - fonts.width(scan, numSize, false)) / 2, blockTop - qrSize - 7.2f * MM, numSize, false, Ink.GREY);

        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("报告编号", allocation.reportNo());
        lines.put("出具时间", ReportText.timeCn(allocation.issuedAt(), settings.zone()));
        lines.put("数据截止", ReportText.dateCn(asOf));
        lines.put("出具机构", settings.issuingOffice());
        lines.put("有效期至", ReportText.dateCn(allocation.validUntil()));
        float ly = blockTop - 5 * MM;
        float labelX = PageFlow.LEFT + 2 * MM;
        for (Map.Entry<String, String> e : lines.entrySet()) {
            flow.draw(e.getKey() + "：", labelX, ly, 10.5f, true, Ink.BLACK);
            flow.draw(e.getValue(), labelX + 24 * MM, ly, 10.5f, false, Ink.BLACK);
            ly -= 6.6f * MM;
        }
        flow.moveTo(Math.min(ly, blockTop - qrSize - 9 * MM));
    }

    // ---------------------------------------------------------------- subject and summary

    private void subject() {
        heading("主体信息", PageFlow.oneLineRow(TABLE) * 3);
        Subject s = record.subject();
        Table t = Table.keyValue(TABLE + 0.4f, Set.of(0, 2), Table.Column.fixed("", 30), Table.Column.flex(""),
                Table.Column.fixed("", 30), Table.Column.flex(""));
        if (s.kind().isOrganization()) {
            t.group(Table.cells("主体名称", s.name(), "主体类型", ReportText.subjectKind(s.kind())));
            t.group(Table.cells("统一社会信用代码", s.uscc().orElse("—"), "法定代表人", s.legalRepresentative().orElse("—")));
            t.group(Table.cells("成立日期", date(s.establishedOn()), "登记状态", s.registrationStatus().orElse("—")));
            t.group(Table.cells("住所", s.registeredAddress().orElse("—"), "查询方式", "单位自助查询"));
        } else {
            t.group(Table.cells("姓名", s.name(), "主体类型", "自然人"));
            t.group(Table.cells("身份证件号码", s.idNumberMasked().orElse("—"), "查询方式", "本人自助查询"));
        }
        flow.table(t);
    }

    /**
     * The summary in the eight categories of the national public credit report (行政管理, 诚实守信, 严重失信,
     * 经营异常, 信用承诺, 信用评价, 司法判决, 其他), each with what this record carries of it. The platform's record has
     * no abnormal-operation list (经营异常名录, an organisation's category, not a black list): for an organisation
     * the row says so; a person has no such category.
     */
    private void summary() {
        heading("信息概要", PageFlow.oneLineRow(TABLE) * 3);
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 12), Table.Column.flex("信息类别"),
                Table.Column.centered("条数", 22), Table.Column.flex("备注"));
        long repaired = record.penalties().stream().filter(Penalty::isRepaired).count();
        boolean organisation = record.subject().kind().isOrganization();
        int i = 1;
        t.row(String.valueOf(i++), "行政管理信息", count(record.permits().size() + record.penalties().size()),
                "行政许可 " + record.permits().size() + " 条，行政处罚 " + record.penalties().size() + " 条"
                        + (repaired > 0 ? "（其中" + ReportText.REPAIRED + " " + repaired + " 条）" : ""));
        t.row(String.valueOf(i++), "诚实守信信息", count(record.redList().size()), "守信激励（红名单）");
        t.row(String.valueOf(i++), "严重失信信息", count(record.blackList().size()), "严重失信主体名单（黑名单）");
        if (organisation) {
            t.row(String.valueOf(i++), "经营异常信息", "—", "平台记录未包含经营异常名录信息，请以市场监管部门公示为准");
        }
        t.row(String.valueOf(i++), "信用承诺信息", count(record.commitments().size()), "");
        if (organisation) {
            t.row(String.valueOf(i++), "信用评价信息", "—", "暂无");
        } else {
            t.row(String.valueOf(i++), "信用评价信息",
                    record.score().map(s -> String.valueOf(s.value())).orElse(NONE),
                    "本市信用评分（" + record.score().map(Score::name).orElse("桃花分") + "）"
                            + record.score().map(s -> "，信用等级 " + s.grade()).orElse("，暂无评分"));
        }
        t.row(String.valueOf(i++), "司法判决信息", count(record.judicial().size()), "");
        t.row(String.valueOf(i), "其他信息", count(record.benefits().size() + record.openObjections().size()),
                "信易+ 守信便利 " + record.benefits().size() + " 条，异议处理中 " + record.openObjections().size() + " 条");
        flow.table(t);
    }

    private void score() {
        String name = record.score().map(Score::name).orElse("桃花分");
        heading("本市信用评分（" + name + "）", PageFlow.oneLineRow(TABLE) * 2);
        if (record.score().isEmpty()) {
            none();
        } else {
            Score s = record.score().get();
            Table t = Table.keyValue(TABLE + 0.4f, Set.of(0, 2), Table.Column.fixed("", 30), Table.Column.flex(""),
                    Table.Column.fixed("", 30), Table.Column.flex(""));
            t.group(Table.cells("评分", String.valueOf(s.value()), "信用等级", s.grade()));
            t.group(Table.cells("分值区间", s.min() + " – " + s.max(), "评价日期", date(s.asOf())));
            flow.table(t);
        }
        flow.space(1);
        flow.paragraph("说明：本项为本市地方信用评价（" + name + "，等级 AAA、AA、A、B、C、D，A 级及以上可享受守信联合激励），"
                + "不属于全国统一公共信用信息报告内容，仅供参考。", 7.8f, false, Ink.GREY, 0);
    }

    // ---------------------------------------------------------------- sections

    private void lists() {
        listSection("守信激励（红名单）", record.redList(), "激励措施");
        listSection("严重失信主体名单（黑名单）", record.blackList(), "惩戒措施");
    }

    private void listSection(String title, List<ListEntry> entries, String measuresLabel) {
        heading(title, PageFlow.oneLineRow(TABLE) * 3);
        if (entries.isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.flex("名单名称"),
                Table.Column.fixed("认定部门", 42), Table.Column.centered("列入日期", 22), Table.Column.centered("有效期至", 22));
        int i = 1;
        for (ListEntry e : entries) {
            StringBuilder detail = new StringBuilder();
            e.reason().ifPresent(r -> detail.append("认定事由：").append(r));
            if (!e.measures().isEmpty()) {
                line(detail).append(measuresLabel).append("：");
                for (int m = 0; m < e.measures().size(); m++) {
                    detail.append(m == 0 ? "" : "；").append(circled(m + 1)).append(e.measures().get(m));
                }
                detail.append("。");
            }
            if (e.repairable().isPresent() || e.repairGuide().isPresent()) {
                line(detail).append("信用修复：")
                        .append(e.repairable().map(r -> r ? "可申请修复。" : "不可修复。").orElse(""))
                        .append(e.repairGuide().orElse(""));
            }
            Table.Row main = Table.cells(String.valueOf(i++), e.listName(), e.authority(), date(e.listedOn()),
                    date(e.validUntil()));
            if (detail.length() == 0) {
                t.group(main);
            } else {
                t.group(main, Table.spanning(detail.toString()));
            }
        }
        flow.table(t);
    }

    private void judicial() {
        heading("司法信息", PageFlow.oneLineRow(TABLE) * 3);
        if (record.judicial().isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.flex("案号"),
                Table.Column.flex("法院"), Table.Column.centered("类别", 24), Table.Column.centered("立案日期", 22),
                Table.Column.centered("状态", 20));
        int i = 1;
        for (JudicialItem j : record.judicial()) {
            t.row(String.valueOf(i++), LineBreaker.keep(j.caseNo()), j.court(), ReportText.judicialKind(j.kind()), date(j.filedOn()),
                    j.status().orElse("—"));
        }
        flow.table(t);
    }

    private void penalties() {
        heading("行政处罚", PageFlow.oneLineRow(TABLE) * 3);
        if (record.penalties().isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.fixed("决定书文号", 32),
                Table.Column.flex("违法行为及处罚内容"), Table.Column.fixed("处罚机关", 28),
                Table.Column.centered("决定日期", 22), Table.Column.centered("状态", 14));
        int i = 1;
        for (Penalty p : record.penalties()) {
            StringBuilder c = new StringBuilder(p.violation());
            c.append("\n处罚结果：").append(p.result());
            p.fineFen().ifPresent(f -> c.append("（罚款 ").append(LineBreaker.keep(ReportText.yuan(f))).append("）"));
            p.basis().ifPresent(b -> c.append("\n处罚依据：").append(b));
            p.publicUntil().ifPresent(u -> c.append("\n公示截止：").append(date(u)));
            t.row(String.valueOf(i++), LineBreaker.keep(p.decisionNo()), c.toString(), p.authority(), date(p.decidedOn()),
                    ReportText.penaltyStatus(p, asOf));
        }
        flow.table(t);
    }

    private void permits() {
        heading("行政许可", PageFlow.oneLineRow(TABLE) * 3);
        if (record.permits().isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.fixed("许可决定书文号", 32),
                Table.Column.flex("许可内容"), Table.Column.fixed("许可机关", 28), Table.Column.centered("决定日期", 22),
                Table.Column.centered("有效期至", 22));
        int i = 1;
        for (Permit p : record.permits()) {
            String content = p.title() + p.status().map(s -> "\n状态：" + s).orElse("");
            t.row(String.valueOf(i++), LineBreaker.keep(p.decisionNo()), content, p.authority(), date(p.decidedOn()), date(p.validUntil()));
        }
        flow.table(t);
    }

    private void commitments() {
        heading("信用承诺", PageFlow.oneLineRow(TABLE) * 3);
        if (record.commitments().isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.flex("承诺事项"),
                Table.Column.fixed("受诺部门", 42), Table.Column.centered("承诺日期", 22), Table.Column.centered("履约情况", 20));
        int i = 1;
        for (Commitment c : record.commitments()) {
            t.row(String.valueOf(i++), c.title(), c.authority().orElse("—"), date(c.madeOn()),
                    c.fulfilled().map(f -> f ? "已履约" : "未履约").orElse("履约中"));
        }
        flow.table(t);
    }

    private void benefits() {
        heading("信易+ 守信便利", PageFlow.oneLineRow(TABLE) * 3);
        if (record.benefits().isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.fixed("服务名称", 40),
                Table.Column.flex("说明"));
        int i = 1;
        for (Benefit b : record.benefits()) {
            t.row(String.valueOf(i++), b.name(), b.description().orElse("—"));
        }
        flow.table(t);
    }

    private void objections() {
        heading("异议处理中的信息", PageFlow.oneLineRow(TABLE) * 3);
        List<ObjectionTicket> open = record.openObjections();
        if (open.isEmpty()) {
            none();
            return;
        }
        Table t = Table.withHeader(TABLE, Table.Column.centered("序号", 10), Table.Column.fixed("异议编号", 34),
                Table.Column.flex("涉及信息"), Table.Column.centered("办理状态", 18), Table.Column.centered("提交日期", 22),
                Table.Column.centered("答复期限", 22));
        int i = 1;
        for (ObjectionTicket o : open) {
            t.row(String.valueOf(i++), o.ticketNo(), describeItem(o.itemId()), ReportText.objectionStatus(o.status()),
                    date(o.filedOn()), date(o.dueOn()));
        }
        flow.table(t);
        flow.space(1);
        flow.paragraph("异议核查期间，上述信息仍按原样展示，核查结论以信息提供单位答复为准。", 7.8f, false, Ink.GREY, 0);
    }

    /** What an objection is about, in words: the section and the item's own title. */
    private String describeItem(String itemId) {
        for (Penalty p : record.penalties()) {
            if (p.itemId().equals(itemId)) {
                return "行政处罚 " + p.decisionNo();
            }
        }
        for (ListEntry e : record.blackList()) {
            if (e.itemId().equals(itemId)) {
                return "黑名单 " + e.listName();
            }
        }
        for (ListEntry e : record.redList()) {
            if (e.itemId().equals(itemId)) {
                return "红名单 " + e.listName();
            }
        }
        for (JudicialItem j : record.judicial()) {
            if (j.itemId().equals(itemId)) {
                return "司法信息 " + j.caseNo();
            }
        }
        for (Permit p : record.permits()) {
            if (p.itemId().equals(itemId)) {
                return "行政许可 " + p.decisionNo();
            }
        }
        for (Commitment c : record.commitments()) {
            if (c.itemId().equals(itemId)) {
                return "信用承诺 " + c.title();
            }
        }
        return "信息编号 " + itemId;
    }

    private void statement() {
        heading("报告说明", 4 * BODY);
        List<String> items = new ArrayList<>();
        record.notice().ifPresent(items::add);
        String office = settings.issuingOffice();
        items.add("本报告依据" + office + "归集的公共信用信息生成，如实反映信息提供单位报送的原始信息；"
                + (record.subject().kind().isOrganization() ? "" : "除本市信用评分外，") + "不对信息主体作信用评价。");
        items.add("本报告信息截至" + ReportText.dateCn(asOf) + "，有效期至" + ReportText.dateCn(allocation.validUntil())
                + "；逾期请重新查询。");
        items.add("信息主体对报告内容有异议的，可通过自助查询终端或“信用榆林”APP 提出异议申请；"
                + "失信信息符合条件的，可向认定部门申请信用修复，已修复的信息标注“已修复”。");
        items.add("本报告经数字签名并加盖电子印章，任何涂改、增删均使签名失效。扫描二维码或访问 "
                + allocation.verifyUrl() + " 可核验报告真伪。");
        items.add("此件由" + office + "通过" + settings.hallName() + "出具，仅供信息主体"
                + (record.subject().kind().isOrganization() ? "本单位" : "本人") + "使用，不得转让。");
        int n = 1;
        for (String item : items) {
            flow.paragraph(n++ + ". " + item, BODY - 0.5f, false, Ink.BLACK, 0);
            flow.space(0.8f);
        }
    }

    // ---------------------------------------------------------------- issuer, seal, QR

    private void issuer() {
        float radius = 21 * MM;
        float blockHeight = 2 * radius + 10 * MM;
        flow.ensure(blockHeight);
        float top = flow.y() - 4 * MM;
        PDPageContentStream cs = flow.content();

        float size = 11;
        String officeLine = "出具机构：" + settings.issuingOffice();
        String dateLine = "出具日期：" + ReportText.dateCn(allocation.issuedAt().atZone(settings.zone()).toLocalDate());
        float textRight = PageFlow.RIGHT - 6 * MM;
        float w = Math.max(fonts.width(officeLine, size, true), fonts.width(dateLine, size, true));
        float textX = textRight - w;
        float baseline = top - radius + 2 * MM;
        flow.draw(officeLine, textX, baseline, size, true, Ink.BLACK);
        flow.draw(dateLine, textX, baseline - 7 * MM, size, true, Ink.BLACK);

        // The seal sits over the issuer line, its centre on the office name as a stamp would be.
        float cx = textX + w * 0.62f;
        float cy = baseline - 3.5f * MM;
        Seal.drawConfigured(doc, cs, fonts, settings, cx, cy, radius);

        float qrSize = 24 * MM;
        float qrX = PageFlow.LEFT + 2 * MM;
        float qrY = top - qrSize - 2 * MM;
        qr.draw(cs, qrX, qrY, qrSize);
        float small = 6.8f;
        String no = allocation.reportNo();
        flow.draw(no, qrX + (qrSize - fonts.width(no, small, false)) / 2, qrY - 4 * MM, small, false, Ink.BLACK);
        String scan = "扫码核验报告真伪";
        flow.draw(scan, qrX + (qrSize - fonts.width(scan, small, false)) / 2, qrY - 7.2f * MM, small, false, Ink.GREY);
        flow.moveTo(top - blockHeight);
    }

    private void runningHeadAndFoot() {
        List<PDPage> pages = flow.pages();
        int total = pages.size();
        String left = ReportText.TITLE + "（" + ReportText.subjectClass(record.subject().kind()) + "）";
        String right = "报告编号：" + allocation.reportNo();
        String verify = "核验：扫描首页或末页二维码，或访问 " + allocation.verifyUrl();
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
                float maxVerify = PageFlow.WIDTH - fonts.width(page, size, false) - 6 * MM;
                List<String> v = LineBreaker.wrap(fonts, verify, size - 0.6f, false, maxVerify);
                Ink.text(cs, fonts, v.get(0), PageFlow.LEFT, footY, size - 0.6f, false, Ink.GREY);
                if (v.size() > 1) {
                    Ink.text(cs, fonts, v.get(1), PageFlow.LEFT, footY - 3.2f * MM, size - 0.6f, false, Ink.GREY);
                }
                Ink.text(cs, fonts, page, PageFlow.RIGHT - fonts.width(page, size, false), footY, size, false, Ink.BLACK);
            } catch (IOException e) {
                throw new ReportLayoutException("cannot draw header/footer of page " + (i + 1), e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void heading(String title, float keepWithNext) {
        section++;
        flow.space(2.5f);
        flow.heading(ReportText.ordinal(section) + "、" + title, HEADING, keepWithNext);
        flow.space(1.2f);
    }

    private void none() {
        flow.paragraph(NONE, BODY, false, Ink.BLACK, 2);
    }

    private float center(String text, float size, boolean bold) {
        return (PageFlow.A4.getWidth() - fonts.width(text, size, bold)) / 2;
    }

    private static String count(int n) {
        return n == 0 ? NONE : String.valueOf(n);
    }

    private static StringBuilder line(StringBuilder b) {
        if (b.length() > 0) {
            b.append('\n');
        }
        return b;
    }

    private static String circled(int n) {
        return n <= 20 ? new String(Character.toChars(0x2460 + n - 1)) : "(" + n + ")";
    }
}
