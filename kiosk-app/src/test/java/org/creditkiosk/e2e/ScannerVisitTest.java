package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 2: codes read by the (simulated) serial scanner, through the real driver, drive the real
 * screens. Demo app codes: 王雅琴's is valid, 张明远's has expired.
 */
class ScannerVisitTest {

    private static final String VALID_APP_CODE = "XYYL1.DEMO6Q0W3N8J2K5T7P4R1X9V";
    private static final String EXPIRED_APP_CODE = "XYYL1.DEMOEXPIRED4K8N2Q6W1Z3Y7";

    @Test
    void appCodeSignsInAndThePrintedReportVerifiesOnTheAttractScreen(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            demo.scan(VALID_APP_CODE);
            k.awaitScreen("showing_record", 20);
            assertThat(k.text("#subject-name")).isEqualTo("王雅琴");

            k.click("#print");
            k.awaitScreen("confirming_print", 5);
            k.click("#print-confirm");
            k.awaitScreen("farewell", 30);
            String reportNo = k.runtime.controller().view().reportNo().orElseThrow();
            k.click("#finish-farewell");
            k.awaitScreen("attract", 5);

            demo.scan("https://credit-platform.example/v?r=" + reportNo);
            k.awaitScreen("showing_verification", 20);
            k.screenshot("11-verification");
            assertThat(k.text("#verification-status")).isEqualTo("报告有效");
            assertThat(k.allTexts()).anyMatch(t -> t.contains(reportNo)).noneMatch(t -> t.contains("王雅琴"));
            k.click("#verification-ok");
            k.awaitScreen("attract", 5);

            demo.scan("https://credit-platform.example/v?r=YLXY-20250101-0009-999999");
            k.awaitScreen("showing_verification", 20);
            assertThat(k.text("#verification-status")).isEqualTo("未查到此报告");
        }
    }

    @Test
    void expiredAndForeignCodesGetTheirScreens(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            demo.scan(EXPIRED_APP_CODE);
            k.awaitScreen("notice", 20);
            k.screenshot("09-notice-qr-expired");
            assertThat(k.allTexts()).anyMatch(t -> t.contains("刷新"));
            k.click("#notice-ok");
            k.awaitScreen("attract", 5);

            demo.scan("https://www.example.com/promo?id=42");
            k.awaitScreen("notice", 10);
            assertThat(k.allTexts()).anyMatch(t -> t.contains("不是信用报告核验码"));
        }
    }
}
