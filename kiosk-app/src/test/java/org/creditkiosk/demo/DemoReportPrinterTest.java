package org.creditkiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.printing.PrintJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 8b: the demo printer names files by report number only, never by a path. */
class DemoReportPrinterTest {

    @Test
    void onlyReportNumbersAndTheTestPageNameAFile(@TempDir Path root) throws Exception {
        Path dir = root.resolve("reports");
        DemoReportPrinter printer = new DemoReportPrinter(dir);
        printer.print(new PrintJob.Report("YLXY-20261127-0003-000187", new byte[] {1}));
        printer.print(new PrintJob.Report(DemoReportPrinter.TEST_PAGE, new byte[] {2}));
        for (String bad : new String[] {"../escaped", "../../etc/cron.d/x", "YLXY-20261127-0003-000187/../../x",
                "..%2Fx", "a\nb", "/tmp/abs", "YLXY-20261127-0003-" + "1".repeat(300)}) {
            assertThatThrownBy(() -> printer.print(new PrintJob.Report(bad, new byte[] {3}))).as(bad)
                    .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.code()).isEqualTo(PrintFailure.Code.BAD_DOCUMENT));
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()))
                    .containsExactlyInAnyOrder("reports/YLXY-20261127-0003-000187.pdf", "reports/TEST-PAGE.pdf");
        }
    }
}
