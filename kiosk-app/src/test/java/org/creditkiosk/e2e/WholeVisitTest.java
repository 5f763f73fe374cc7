package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole visits through the real screens in demo mode (issue 2, acceptance 2). The demo fixtures used:
 * 赵国强 610881197804120030 (black list, no organisations), 刘卫东 610802197009210058 (represents two
 * organisations), 李秀兰 61080219920708002X (good score, red list).
 */
class WholeVisitTest {

    private static final String BLACK_LISTED = "610881197804120030";
    private static final String REPRESENTATIVE = "610802197009210058";

    @Test
    void cardToRecordToPrintedReportToFarewellToAttract(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            k.screenshot("01-attract");
            k.runtime.demo().orElseThrow().placeNumber(BLACK_LISTED);
            k.awaitScreen("showing_record", 20);
            k.screenshot("05-record");
            assertThat(k.text("#subject-name")).isEqualTo("赵国强");
            assertThat(k.text("#subject-id")).contains("610881********0030").doesNotContain(BLACK_LISTED);
            assertThat(k.text("#score-value")).isEqualTo("468");
            List<String> texts = k.allTexts();
            assertThat(texts).anyMatch(t -> t.contains("失信"));
            assertThat(k.exists("#section-black")).isTrue();

            k.click("#print");
            k.awaitScreen("confirming_print", 5);
            k.screenshot("06-print-confirm");
            k.click("#print-confirm");
            k.awaitScreen("farewell", 30);
            k.screenshot("08-farewell");
            String reportNo = k.runtime.controller().view().reportNo().orElseThrow();
            assertThat(k.allTexts()).anyMatch(t -> t.contains(reportNo));

            var receipt = k.runtime.demo().orElseThrow().receiptPrinter();
            assertThat(receipt.awaitSlips(1, java.time.Duration.ofSeconds(10))).as("the summary slip came out").isTrue();
            assertThat(String.join("\n", receipt.slips().get(0).textLines())).contains(reportNo).contains("610881********0030")
                    .doesNotContain(BLACK_LISTED);
            assertThat(receipt.slips().get(0).qrPayloads()).singleElement().asString().endsWith(reportNo);

            Path pdf = k.reportDir.resolve(reportNo + ".pdf");
            assertThat(pdf).exists();
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext (poppler-utils) is not installed");
            String text = pdftotext(pdf);
            assertThat(text).contains("赵国强").contains(reportNo);

            k.runtime.demo().orElseThrow().remove();
            k.awaitScreen("attract", 10);
            KioskHarness.assertNoneContains(k.allTexts(), "赵国强", "0030", reportNo);
        }
    }

    @Test
    void representativeChoosesAnOrganisationAndSeesItsRecord(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            k.runtime.demo().orElseThrow().placeNumber(REPRESENTATIVE);
            k.awaitScreen("choosing_subject", 20);
            k.screenshot("03-choose");
            assertThat(k.allTexts()).anyMatch(t -> t.contains("91610802MA70Q3K23B"));
            k.click("#choice-org-0");
            k.awaitScreen("showing_record", 20);
            assertThat(k.text("#subject-uscc")).contains("91610802MA70Q3K23B");
            assertThat(k.exists("#score-value")).as("organisations have no city score").isFalse();
            k.screenshot("05b-record-organisation");
            k.click("#back-to-choice");
            k.awaitScreen("choosing_subject", 5);
            k.click("#finish");
            k.awaitScreen("farewell", 5);
        }
    }

    @Test
    void idleOnTheRecordScreenEndsTheVisitAndLeavesNoTrace(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of("session.timeout.showingRecord", "3"))) {
            k.awaitScreen("attract", 10);
            k.runtime.demo().orElseThrow().placeNumber(BLACK_LISTED);
            k.awaitScreen("showing_record", 20);
            assertThat(k.allTexts()).anyMatch(t -> t.contains("赵国强"));
            // nobody touches anything
            k.awaitScreen("attract", 15);
            assertThat(k.runtime.controller().view().person()).isEmpty();
            assertThat(k.runtime.controller().view().record()).isEmpty();
            KioskHarness.assertNoneContains(k.allTexts(), "赵国强", BLACK_LISTED, "610881********0030", "神木");
        }
    }

    static String pdftotext(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return Stream.of(out.split("\\s+")).reduce("", String::concat);
    }
}
