package org.creditkiosk.report;

import java.time.ZoneId;
import java.util.ArrayList;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import java.util.List;
import org.creditkiosk.device.printer.ReceiptSlip;
import org.creditkiosk.device.printer.ReceiptSlip.Align;
import org.creditkiosk.device.printer.ReceiptSlip.Element;
import org.creditkiosk.device.printer.ReceiptSlip.Size;
import org.creditkiosk.device.printer.ReceiptSlip.Text;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.Subject;

/**
 * The 80 mm summary slip: subject, masked number or USCC, score, counts per section, report number, verify QR and
 * issue time. An 80 mm printer with font A prints 48 columns at normal size; a CJK character takes two columns, so
 * every line here is measured in columns ({@link #columns(String)}) and wrapped or padded to at most 48.
 */
public final class ReceiptSlipLayout {

    /** Columns of an 80 mm slip at normal size (font A, 12x24 dots on 576 dots). */
    public static final int COLUMNS = 48;

    private ReceiptSlipLayout() {
    }

    /** The slip, dates in Asia/Shanghai. */
    public static ReceiptSlip build(CreditRecord record, ReportAllocation allocation) {
        return build(record, allocation, ZoneId.of("Asia/Shanghai"), ReportSettings.DEFAULT_OFFICE);
    }

    public static ReceiptSlip build(CreditRecord record, ReportAllocation allocation, ZoneId zone, String office) {
        List<Element> e = new ArrayList<>();
        // 12 CJK characters = 24 columns, doubled in height only: fits 48 columns.
        e.add(new Text("公共信用信息报告（摘要）", Size.DOUBLE_HEIGHT, true, Align.CENTER));
        for (String line : wrap(office, COLUMNS)) {
            e.add(new Text(line, Size.NORMAL, false, Align.CENTER));
        }
        e.add(new ReceiptSlip.Rule());

        Subject s = record.subject();
        labelled(e, s.kind().isOrganization() ? "主体名称" : "姓　　名", s.name());
        if (s.kind().isOrganization()) {
            labelled(e, "信用代码", s.uscc().orElse("—"));
        } else {
            labelled(e, "证件号码", s.idNumberMasked().orElse("—"));
        }
        labelled(e, "主体类型", ReportText.subjectClass(s.kind()));
        record.score().ifPresent(sc -> labelled(e, "信用评分", sc.name() + " " + sc.value() + "（" + sc.grade() + "）"));
        e.add(new ReceiptSlip.Rule());

        count(e, "守信激励（红名单）", record.redList().size());
        count(e, "严重失信名单（黑名单）", record.blackList().size());
        count(e, "司法信息", record.judicial().size());
        long repaired = record.penalties().stream().filter(p -> p.isRepaired()).count();
        count(e, "行政处罚" + (repaired > 0 ? "（已修复" + repaired + "）" : ""), record.penalties().size());
        count(e, "行政许可", record.permits().size());
        count(e, "信用承诺", record.commitments().size());
        count(e, "信易+守信便利", record.benefits().size());
        count(e, "异议处理中", record.openObjections().size());
        e.add(new ReceiptSlip.Rule());

        labelled(e, "报告编号", allocation.reportNo());
        labelled(e, "出具时间", ReportText.time(allocation.issuedAt(), zone));
        labelled(e, "有效期至", ReportText.date(allocation.validUntil()));
        e.add(new ReceiptSlip.Feed(1));
        e.add(new ReceiptSlip.Qr(allocation.verifyUrl()));
        e.add(new Text("扫码核验报告真伪", Size.NORMAL, false, Align.CENTER));
        e.add(new Text(allocation.reportNo(), Size.NORMAL, false, Align.CENTER));
        e.add(new ReceiptSlip.Feed(1));
        e.add(new Text("本凭条为摘要，完整内容以A4报告为准", Size.NORMAL, false, Align.CENTER));
        e.add(new ReceiptSlip.Feed(2));
        return new ReceiptSlip(e);
    }

    // --- issue 15: the slips of a signed commitment and of a complaint ------------------------------------------

    /** The summary slip of a signed commitment: title, number, kind, department, subject, verify QR. */
    public static ReceiptSlip commitment(CommitmentPaper paper, ZoneId zone, String office) {
        List<Element> e = new ArrayList<>();
        e.add(new Text("信用承诺书（摘要）", Size.DOUBLE_HEIGHT, true, Align.CENTER));
        for (String line : wrap(office, COLUMNS)) {
            e.add(new Text(line, Size.NORMAL, false, Align.CENTER));
        }
        e.add(new ReceiptSlip.Rule());
        labelled(e, "承诺名称", paper.template().title());
        labelled(e, "承诺类型", paper.template().kind().chinese());
        labelled(e, "受诺部门", paper.template().department());
        labelled(e, paper.subjectKind().isOrganization() ? "承诺主体" : "承 诺 人", paper.subjectName());
        labelled(e, paper.subjectKind().isOrganization() ? "信用代码" : "证件号码", paper.subjectId());
        e.add(new ReceiptSlip.Rule());
        labelled(e, "承诺编号", paper.commitment().commitmentNo());
        labelled(e, "签署时间", ReportText.time(paper.commitment().signedAt(), zone));
        paper.commitment().publicUntil().ifPresent(d -> labelled(e, "公示期至", ReportText.date(d)));
        e.add(new ReceiptSlip.Feed(1));
        e.add(new ReceiptSlip.Qr(paper.commitment().verifyUrl()));
        e.add(new Text("扫码核验承诺书真伪", Size.NORMAL, false, Align.CENTER));
        e.add(new ReceiptSlip.Feed(2));
        return new ReceiptSlip(e);
    }

    /** The slip of a complaint: ticket number, when received, who handles it by when; no description, no phone. */
    public static ReceiptSlip complaint(ComplaintTicket ticket, ComplaintRequest request, ZoneId zone, String office) {
        List<Element> e = new ArrayList<>();
        e.add(new Text("失信投诉受理凭条", Size.DOUBLE_HEIGHT, true, Align.CENTER));
        for (String line : wrap(office, COLUMNS)) {
            e.add(new Text(line, Size.NORMAL, false, Align.CENTER));
        }
        e.add(new ReceiptSlip.Rule());
        labelled(e, "受理编号", ticket.ticketNo());
        labelled(e, "受理时间", ReportText.time(ticket.receivedAt(), zone));
        labelled(e, "投诉类别", request.category().chinese());
        labelled(e, "投诉对象", request.target().uscc().orElseGet(() -> request.target().name().orElse("—")));
        ticket.department().ifPresent(d -> labelled(e, "承办部门", d));
        ticket.dueOn().ifPresent(d -> labelled(e, "答复期限", ReportText.date(d)));
        e.add(new ReceiptSlip.Rule());
        e.add(Text.plain("请妥善保管本凭条，凭受理编号查询办理进度。"));
        e.add(new ReceiptSlip.Feed(2));
        return new ReceiptSlip(e);
    }

    /** "标签：值", the value wrapped under itself when too long. */
    private static void labelled(List<Element> out, String label, String value) {
        String head = label + "：";
        int indent = columns(head);
        List<String> lines = wrap(value, COLUMNS - indent);
        String pad = " ".repeat(indent);
        for (int i = 0; i < lines.size(); i++) {
            out.add(Text.plain((i == 0 ? head : pad) + lines.get(i)));
        }
    }

    /** "类别 ...... n 条", the count right-aligned at column 48. */
    private static void count(List<Element> out, String label, int n) {
        String right = n == 0 ? "无" : n + " 条";
        int gap = COLUMNS - columns(label) - columns(right);
        out.add(Text.plain(label + " ".repeat(Math.max(1, gap)) + right));
    }

    /** Breaks text into lines of at most {@code width} columns (CJK counts 2). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                cp = ' ';
            }
            int w = wide(cp) ? 2 : 1;
            if (used + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(cp);
            used += w;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Printed width in columns at normal size. */
    public static int columns(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    /** East Asian wide and full-width characters (UAX #11 W/F, the ranges a GB18030 printer prints double). */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || cp == 0x2014 || cp == 0x2026 || (cp >= 0x2018 && cp <= 0x201D)
                || cp >= 0x20000;
    }
}
