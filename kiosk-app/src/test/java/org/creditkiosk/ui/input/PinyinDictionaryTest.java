package org.creditkiosk.ui.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.ui.input.PinyinDictionary.Candidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The keyboard's pinyin look-up over the index made from HanLP's real dictionaries at build time. */
class PinyinDictionaryTest {

    private static PinyinDictionary dict;

    @BeforeAll
    static void build() throws Exception {
        dict = PinyinDictionary.shared().get(60, TimeUnit.SECONDS);
    }

    private static List<String> words(String letters) {
        return dict.candidates(letters, 60).stream().map(Candidate::text).toList();
    }

    @Test
    void fullPinyinAndInitialsBothOfferTheHallsCity() {
        assertThat(words("yulin")).first().isEqualTo("榆林");
        assertThat(words("yl")).first().isEqualTo("榆林");
        assertThat(dict.candidates("yulin", 10).get(0).consumed()).isEqualTo(5);
    }

    @Test
    void candidatesAreRankedByFrequency() {
        // 公司 is far more frequent than 公私; both are spelt gongsi.
        List<String> w = words("gongsi");
        assertThat(w).contains("公司", "公私");
        assertThat(w.indexOf("公司")).isLessThan(w.indexOf("公私"));
        // Initials: gs offers 公司 before rarer words of the same initials.
        assertThat(words("gs").subList(0, 6)).contains("公司");
    }

    @Test
    void wordLevelPinyinKnowsPolyphones() {
        assertThat(words("yinhang")).first().isEqualTo("银行");
        assertThat(words("chongqing")).contains("重庆");
        assertThat(words("lvxing")).contains("履行");
    }

    @Test
    void aPhraseIsComposedFromWordsAndLeadingPartsAreOffered() {
        List<Candidate> c = dict.candidates("yulinshangmao", 60);
        assertThat(c.get(0)).isEqualTo(new Candidate("榆林商贸", 13));
        assertThat(c).contains(new Candidate("榆林", 5));
        assertThat(words("youxiangongsi")).first().isEqualTo("有限公司");
    }

    @Test
    void unfinishedSyllablesOfferTheWordsThatContinueThem() {
        assertThat(words("yul")).contains("榆林");
        assertThat(words("shangm")).contains("商贸");
    }

    @Test
    void noCandidateTwiceNothingForNonLettersAndAtMostTheLimit() {
        List<String> w = words("shi");
        assertThat(w).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(60);
        assertThat(dict.candidates("", 10)).isEmpty();
        assertThat(dict.candidates("123", 10)).isEmpty();
        assertThat(dict.candidates("shi", 3)).hasSize(3);
        assertThat(words("YULIN")).first().isEqualTo("榆林");
    }

    @Test
    void theIndexReadsBackAsWrittenAndATruncatedOneIsRefused() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        dict.write(out);
        byte[] bytes = out.toByteArray();
        PinyinDictionary again = PinyinDictionary.read(new java.io.ByteArrayInputStream(bytes));
        assertThat(again.size()).isEqualTo(dict.size());
        for (String letters : List.of("yulin", "yl", "yulinshangmao", "shangm", "gs")) {
            assertThat(again.candidates(letters, 60)).isEqualTo(dict.candidates(letters, 60));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PinyinDictionary.read(new java.io.ByteArrayInputStream(cut)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("pinyin index");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PinyinDictionary.read(
                new java.io.ByteArrayInputStream("not an index at all".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theWholeDictionaryIsWalked() {
        assertThat(dict.size()).isGreaterThan(100_000);
    }
}
