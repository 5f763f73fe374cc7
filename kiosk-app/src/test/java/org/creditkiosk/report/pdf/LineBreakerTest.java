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
}
