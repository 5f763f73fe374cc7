package org.creditkiosk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    private final DocumentFonts fonts = new DocumentFonts(new PDDocument(), FontLibrary.bundled());

    @Test
    void numbersStayWholeAndCjkBreaksAnywhere() {
        String text = "榆环罚〔2025〕0217号";
        // Wide enough for "榆环罚〔2025〕02" but not for the whole number: the number moves down whole.
        float width = fonts.width("榆环罚〔2025〕02", 10, false);
        List<String> lines = LineBreaker.wrap(fonts, text, 10, false, width);
        assertThat(lines).containsExactly("榆环罚〔2025〕", "0217号");
        assertThat(LineBreaker.wrap(fonts, "一二三四五六", 10, false, fonts.width("一二三", 10, false)))
                .containsExactly("一二三", "四五六");
    }

    @Test
    void closingPunctuationNeverStartsALineAndNewlinesAreKept() {
        float width = fonts.width("一二三", 10, false);
        assertThat(LineBreaker.wrap(fonts, "一二三，四", 10, false, width)).containsExactly("一二三，", "四");
        assertThat(LineBreaker.wrap(fonts, "甲\n乙", 10, false, 500)).containsExactly("甲", "乙");
    }

    @Test
    void latinWordsBreakAtSpaces() {
        float width = fonts.width("verify the report", 10, false);
        assertThat(LineBreaker.wrap(fonts, "verify the report online", 10, false, width))
                .containsExactly("verify the report", "online");
    }

    @Test
    void amountsDatesAndCodesNeverBreakAtTheirSeparators() {
        // Issue 13: "250,000.00" used to split after the comma.
        String text = "罚款人民币250,000.00元";
        for (String fits : new String[] {"罚款人民币250,", "罚款人民币250,000", "罚款人民币250,000.0"}) {
            List<String> lines = LineBreaker.wrap(fonts, text, 10, false, fonts.width(fits, 10, false));
            assertThat(lines).as("width of " + fits).containsExactly("罚款人民币", "250,000.00元");
        }
        float w = fonts.width("报告编号 YLXY-20261127-0001-0001", 10, false);
        assertThat(LineBreaker.wrap(fonts, "报告编号 YLXY-20261127-0001-000187", 10, false, w))
                .containsExactly("报告编号", "YLXY-20261127-0001-000187");
        assertThat(LineBreaker.wrap(fonts, "决定日期2026-11-27", 10, false, fonts.width("决定日期2026-11", 10, false)))
                .containsExactly("决定日期", "2026-11-27");
        // A joiner outside a number is ordinary punctuation.
        assertThat(LineBreaker.wrap(fonts, "一二三,四", 10, false, fonts.width("一二三", 10, false)))
                .containsExactly("一二三,", "四");
    }

    @Test
    void aKeptSpanMovesDownWholeAndItsMarkIsNeverDrawn() {
        String no = LineBreaker.keep("榆阳市监罚〔2026〕0123号");
        String text = "决定书文号：" + no;
        List<String> lines = LineBreaker.wrap(fonts, text, 10, false, fonts.width("决定书文号：榆阳市监罚〔2026", 10, false));
        assertThat(lines).containsExactly("决定书文号：", "榆阳市监罚〔2026〕0123号");
        assertThat(String.join("", lines)).doesNotContain(String.valueOf(LineBreaker.KEEP));
        assertThat(LineBreaker.plain(no)).isEqualTo("榆阳市监罚〔2026〕0123号");
        // Longer than a whole line: it still breaks rather than overflow, and still without marks.
        List<String> narrow = LineBreaker.wrap(fonts, no, 10, false, fonts.width("榆阳市监", 10, false));
        assertThat(String.join("", narrow)).isEqualTo("榆阳市监罚〔2026〕0123号");
        assertThat(narrow).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(fonts.width(l, 10, false))
                .isLessThanOrEqualTo(fonts.width("榆阳市监", 10, false) + 0.01f));
    }
}
