package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.printing.PrintFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 3 (UI): a report interrupted by paper-out is printed exactly once after the fault clears,
 * from the same session, without a new report number.
 */
class PrintRecoveryTest {

    @Test
    void paperOutKeepsTheJobAndTheReprintComesOutOnce(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            demo.placeNumber("610881197804120030");
            k.awaitScreen("showing_record", 20);

            demo.reportPrinter().setFault(Optional.of(PrintFailure.Code.PAPER_OUT));
            k.click("#print");
            k.click("#print-confirm");
            k.awaitScreen("showing_record", 30);
            k.awaitText("#record-notice", 5);
            k.screenshot("07-printer-needs-attention");
            assertThat(k.runtime.controller().view().notice()).contains(Notice.PrintProblem.PAPER_OUT);
            assertThat(pdfs(k.reportDir)).isEmpty();

            // still no paper: nothing is sent, the reprint stays available
            k.click("#print");
            k.click("#print-confirm");
            k.awaitScreen("showing_record", 30);
            assertThat(pdfs(k.reportDir)).isEmpty();

            demo.reportPrinter().setFault(Optional.empty());
            k.click("#print");
            k.click("#print-confirm");
            k.awaitScreen("farewell", 30);
            String reportNo = k.runtime.controller().view().reportNo().orElseThrow();
            assertThat(pdfs(k.reportDir)).containsExactly(reportNo + ".pdf");
            assertThat(reportNo).endsWith("000001").as("the held report, not a second allocation");
        }
    }

    private static List<String> pdfs(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList();
        }
    }
}
