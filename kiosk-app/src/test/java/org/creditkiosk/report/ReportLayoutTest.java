package org.creditkiosk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Penalty;
import org.creditkiosk.platform.api.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4, acceptance 3 and the layout rules: numbering, rows kept whole, header repeated, fallback, 无, 已修复. */
class ReportLayoutTest {

    @TempDir
    static Path dir;

    private static ReportService service;

    @BeforeAll
    static void service() {
        service = new ReportService(ReportSettings.demo(dir.resolve("keys")));
    }

    @Test
    void threeHundredPenaltiesAndAnExtensionANameFlowOverManyPagesWithRowsWhole() throws IOException {
        CreditRecord record = ReportFixtures.manyPenalties(300);
        SignedReport report = service.render(record, ReportFixtures.allocation(300));
        assertThat(report.pages()).isGreaterThan(10);
        assertThat(report.placeholders()).as("characters without a glyph").isZero();

        List<String> pages = pageTexts(report.pdf());
        assertThat(pages).hasSize(report.pages());
        int headerPages = 0;
        int rowPages = 0;
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page).contains("第" + (i + 1) + "页/共" + pages.size() + "页");
            assertThat(page).contains(report.reportNo());
            if (page.contains("榆市监罚〔2025〕")) {
                rowPages++;
                if (page.contains("违法行为及处罚内容")) {
                    headerPages++;
                }
            }
        }
        assertThat(headerPages).as("header row repeated on every page with penalty rows").isEqualTo(rowPages);
        assertThat(pages.get(0)).contains("榆林市䶮㐀煤业有限公司");
        String all = String.join("", pages);
        assertThat(all).doesNotContain("\u25A1");
        // A row never splits: each penalty's whole cell text is found on a single page.
        for (Penalty p : record.penalties()) {
            String cell = (p.violation() + "处罚结果：" + p.result()).replaceAll("\\s+", "");
            assertThat(pages).as("row of " + p.decisionNo()).anyMatch(t -> t.contains(cell));
        }
        long repaired = record.penalties().stream().filter(Penalty::isRepaired).count();
        assertThat(countOf(all, ReportText.REPAIRED)).isGreaterThanOrEqualTo((int) repaired);
    }

    @Test
    void emptySectionsPrintNoneAndRepairedPenaltiesAreMarked() throws IOException {
        SignedReport empty = service.render(ReportFixtures.named("social-org-empty.json").record(), ReportFixtures.allocation(1));
        String text = String.join("", pageTexts(empty.pdf()));
        for (String section : List.of("守信激励（红名单）", "严重失信主体名单（黑名单）", "司法信息", "行政处罚", "行政许可",
                "信用承诺", "信易+守信便利", "异议处理中的信息")) {
            assertThat(text).as(section).containsPattern("、" + java.util.regex.Pattern.quote(section) + "无");
        }
        assertThat(text).contains("法人和非法人组织").doesNotContain("本市信用评分");

        SignedReport ent = service.render(ReportFixtures.named("enterprise-shengtai.json").record(), ReportFixtures.allocation(2));
        String e = String.join("", pageTexts(ent.pdf()));
        assertThat(countOf(e, ReportText.REPAIRED)).isGreaterThanOrEqualTo(2);
        assertThat(e).contains("91610800MA70XB3K2L").contains("250,000.00元");

        SignedReport person = service.render(ReportFixtures.named("person-wang.json").record(), ReportFixtures.allocation(3));
        String p = String.join("", pageTexts(person.pdf()));
        assertThat(p).contains("自然人").contains("本市信用评分（桃花分）").contains("736").contains("610802********1234");
        // The summary follows the eight categories of the national report (issue 13); a person has no 经营异常.
        assertThat(p).containsSubsequence("信息概要", "行政管理信息", "诚实守信信息", "严重失信信息", "信用承诺信息",
                "信用评价信息", "司法判决信息", "其他信息", "本市信用评分");
        assertThat(p).doesNotContain("经营异常信息");
        assertThat(e).containsSubsequence("信息概要", "行政管理信息", "诚实守信信息", "严重失信信息", "经营异常信息",
                "信用承诺信息", "信用评价信息", "司法判决信息", "其他信息");
        // Section order of issue 4.
        assertThat(p).containsSubsequence("主体信息", "信息概要", "本市信用评分", "守信激励", "严重失信主体名单", "司法信息",
                "行政处罚", "行政许可", "信用承诺", "信易+", "异议处理中的信息", "报告说明", "出具机构");
    }

    @Test
    void aCharacterNoFontHasBecomesAVisiblePlaceholderNotACrash() throws IOException {
        CreditRecord base = ReportFixtures.named("person-wang.json").record();
        // U+17000 (Tangut) is in no bundled font; "fi" checks that ligature substitution does not lose text.
        Subject s = new Subject(base.subject().kind(), "王\uD81C\uDC00华", base.subject().idNumberMasked(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        CreditRecord record = new CreditRecord(base.recordId(), base.recordVersion(), base.generatedAt(), base.dataAsOf(),
                s, base.score(), base.redList(), base.blackList(), base.permits(), base.penalties(), base.commitments(),
                base.judicial(), base.benefits(), base.objections(), Optional.of("Verified official certificate: fi ffl."));
        SignedReport report = service.render(record, ReportFixtures.allocation(4));
        assertThat(report.placeholders()).isEqualTo(1);
        String text = String.join("", pageTexts(report.pdf()));
        assertThat(text).contains("王\u25A1华").contains("Verifiedofficialcertificate:fiffl.");
    }

    @Test
    void pathologicalTextIsLaidOutNotCrashedOn() throws IOException {
        CreditRecord base = ReportFixtures.named("enterprise-shengtai.json").record();
        String huge = "超标排放".repeat(2500) + "x".repeat(3000);
        Penalty p = new Penalty("PX", "文号" + "9".repeat(200), huge, Optional.of("\t控制\u0007字符\r\n与 emoji \uD83D\uDE00"),
                "警告", Optional.of(Long.MAX_VALUE), "机关".repeat(100), java.time.LocalDate.of(2025, 1, 1),
                Optional.empty(), Optional.empty());
        Subject s = new Subject(base.subject().kind(), "名".repeat(300), Optional.empty(), base.subject().uscc(),
                Optional.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(20)), Optional.empty(), Optional.empty(), Optional.empty());
        CreditRecord record = new CreditRecord("R-X", 1L, base.generatedAt(), base.dataAsOf(), s, Optional.empty(),
                base.redList(), base.blackList(), base.permits(), List.of(p), base.commitments(), base.judicial(),
                base.benefits(), base.objections(), Optional.of("注意：" + "很长的说明".repeat(400)));
        SignedReport report = service.render(record, ReportFixtures.allocation(6));
        assertThat(report.pages()).isGreaterThan(3);
        List<String> pages = pageTexts(report.pdf());
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("第" + (i + 1) + "页/共" + pages.size() + "页");
        }
    }

    @Test
    void digestMatchesTheBytesAndFitsTheContract() {
        SignedReport r = service.render(ReportFixtures.named("person-wang.json").record(), ReportFixtures.allocation(5));
        assertThat(r.sha256()).isEqualTo(ReportService.sha256(r.pdf()));
        assertThat(r.digest().pages()).isEqualTo(r.pages());
        assertThat(r.toString()).doesNotContain("王建华");
    }

    static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                out.add(stripper.getText(doc).replaceAll("\\s+", ""));
            }
        }
        return out;
    }

    private static int countOf(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
