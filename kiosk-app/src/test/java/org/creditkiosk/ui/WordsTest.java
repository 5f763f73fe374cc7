package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.report.ReportText;
import org.junit.jupiter.api.Test;

/** The words of a credit office (issue 13, item 4), on screen and in the report alike. */
class WordsTest {

    private static Properties messages(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/org/creditkiosk/ui/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void anObjectionsOutcomeReadsTheSameOnScreenAndInTheReport() {
        Texts zh = new Texts(Language.ZH);
        for (ObjectionTicket.Status s : ObjectionTicket.Status.values()) {
            assertThat(zh.t("record.objection." + s.name())).as(s.name()).isEqualTo(ReportText.objectionStatus(s));
        }
    }

    @Test
    void englishSaysDisputeAndNoReasonClaimsARepair() throws Exception {
        Properties en = messages("en");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).doesNotContainPattern("\\b[Oo]bject(ion)?s?\\b");
        }
        assertThat(en.getProperty("record.object")).isEqualTo("Dispute");
        Properties zh = messages("zh");
        assertThat(zh.stringPropertyNames()).noneMatch(k -> k.startsWith("objection.reason.")
                && zh.getProperty(k).contains("信用修复"));
        assertThat(ObjectionForm.Reason.values()).extracting(ObjectionForm.Reason::wording)
                .noneMatch(w -> w.contains("修复"));
    }

    @Test
    void theAttractScreenNamesVerificationAndEveryKindOfOrganisation() {
        Texts zh = new Texts(Language.ZH);
        Texts en = new Texts(Language.EN);
        assertThat(zh.t("attract.service.verify")).contains("核验");
        assertThat(en.t("attract.service.verify")).contains("verify");
        assertThat(zh.t("attract.service.query")).contains("个人", "企业", "社会组织", "事业单位", "机关");
        assertThat(en.t("attract.service.query")).contains("persons", "enterprises", "social organisations",
                "public institutions", "government agencies");
    }
}
