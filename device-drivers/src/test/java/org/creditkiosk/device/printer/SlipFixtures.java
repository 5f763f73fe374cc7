package org.creditkiosk.device.printer;

import java.util.ArrayList;
import java.util.List;
import org.creditkiosk.device.printer.ReceiptSlip.Align;
import org.creditkiosk.device.printer.ReceiptSlip.Feed;
import org.creditkiosk.device.printer.ReceiptSlip.Qr;
import org.creditkiosk.device.printer.ReceiptSlip.Rule;
import org.creditkiosk.device.printer.ReceiptSlip.Size;
import org.creditkiosk.device.printer.ReceiptSlip.Text;

/** Sample slips for tests and the docs PNG. No real person: names and numbers are made up and masked. */
public final class SlipFixtures {

    private SlipFixtures() {
    }

    /** A summary slip as the report module lays it out: every element kind, two sizes, ¥, a QR. */
    public static ReceiptSlip summary() {
        return new ReceiptSlip(List.of(
                new Text("公共信用信息概要", Size.DOUBLE, true, Align.CENTER),
                new Text("Public credit summary", Size.NORMAL, false, Align.CENTER),
                new Rule(),
                Text.plain("报告编号 No.: R2026-0001234"),
                Text.plain("主体: 张*  身份证 110***********123X"),
                new Text("信用评分 823 (良好)", Size.DOUBLE_HEIGHT, true, Align.LEFT),
                Text.plain("行政处罚 0 条   失信记录 无   承诺 1 项"),
                Text.plain("打印费用: ¥0.00 (免费) • 有效期 30 天"),
                new Text("2026-11-27 10:30  自助终端 K-0101", Size.NORMAL, false, Align.RIGHT),
                new Rule(),
                new Feed(1),
                new Qr("https://credit.example.gov.cn/v/R2026-0001234"),
                new Text("扫码核验 Scan to verify", Size.NORMAL, false, Align.CENTER),
                new Feed(2)));
    }

    /** Characters outside GBK: the yen sign, a bullet, a CJK Extension B character, an emoji. */
    public static ReceiptSlip outsideGbk() {
        return new ReceiptSlip(List.of(
                Text.plain("金额 ¥12.50 • 合计"),
                Text.plain("罕见字 \uD840\uDC00 表情 \uD83D\uDE00 €"),
                new Qr("R2026-0000001")));
    }

    /** The slip as the printer can show it: text passed through {@link GbText#printable}. */
    public static ReceiptSlip printable(ReceiptSlip slip) {
        List<ReceiptSlip.Element> out = new ArrayList<>();
        for (ReceiptSlip.Element e : slip.elements()) {
            if (e instanceof Text t) {
                out.add(new Text(GbText.printable(t.text()), t.size(), t.bold(), t.align()));
            } else {
                out.add(e);
            }
        }
        return new ReceiptSlip(out);
    }
}
