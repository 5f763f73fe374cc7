package org.creditkiosk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.creditkiosk.device.printer.ReceiptSlip;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.platform.api.SubjectKind;
import org.junit.jupiter.api.Test;

class ReceiptSlipLayoutTest {

    private static List<String> texts(ReceiptSlip slip) {
        return slip.elements().stream().filter(e -> e instanceof ReceiptSlip.Text)
                .map(e -> ((ReceiptSlip.Text) e).text()).toList();
    }

    private static void assertFits(ReceiptSlip slip) {
        for (ReceiptSlip.Element e : slip.elements()) {
            if (e instanceof ReceiptSlip.Text t) {
                int limit = t.size() == ReceiptSlip.Size.DOUBLE ? 24 : 48;
                assertThat(ReceiptSlipLayout.columns(t.text())).as(t.text()).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void personSlipHasMaskedNumberScoreCountsNumberQrAndTime() {
        CreditRecord r = ReportFixtures.named("person-wang.json").record();
        ReportAllocation a = ReportFixtures.allocation(187);
        ReceiptSlip slip = ReceiptSlipLayout.build(r, a);
        List<String> lines = texts(slip);
        assertFits(slip);
        assertThat(lines).anyMatch(l -> l.contains("王建华"))
                .anyMatch(l -> l.contains("610802********1234"))
                .anyMatch(l -> l.contains("桃花分 736（AA）"))
                .anyMatch(l -> l.startsWith("严重失信名单（黑名单）") && l.endsWith("1 条"))
                .anyMatch(l -> l.startsWith("行政许可") && l.endsWith("无"))
                .anyMatch(l -> l.contains(a.reportNo()))
                .anyMatch(l -> l.contains("2026-11-27 11:05"));
        assertThat(slip.elements()).filteredOn(e -> e instanceof ReceiptSlip.Qr)
                .singleElement().isEqualTo(new ReceiptSlip.Qr(a.verifyUrl()));
        assertThat(String.join("", lines)).doesNotContain("610802199");
    }

    @Test
    void longOrganisationNamesWrapWithinFortyEightColumns() {
        CreditRecord base = ReportFixtures.named("enterprise-shengtai.json").record();
        Subject s = new Subject(SubjectKind.ENTERPRISE, "榆林市盛泰能源化工集团神木分公司第二煤矿安全生产管理有限责任公司（分支机构）",
                Optional.empty(), base.subject().uscc(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        CreditRecord r = new CreditRecord("R", 1L, base.generatedAt(), base.dataAsOf(), s, Optional.empty(), List.of(),
                List.of(), List.of(), base.penalties(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
        ReceiptSlip slip = ReceiptSlipLayout.build(r, ReportFixtures.allocation(1));
        assertFits(slip);
        List<String> lines = texts(slip);
        assertThat(lines).anyMatch(l -> l.contains("91610800MA70XB3K2L"))
                .anyMatch(l -> l.startsWith("行政处罚（已修复2）") && l.endsWith("3 条"));
        assertThat(String.join("", lines).replace(" ", "")).contains(s.name());
    }

    @Test
    void columnsCountCjkTwice() {
        assertThat(ReceiptSlipLayout.columns("报告编号：AB12")).isEqualTo(14);
        assertThat(ReceiptSlipLayout.wrap("一二三四五", 4)).containsExactly("一二", "三四", "五");
    }
}
