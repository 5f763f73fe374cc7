package org.creditkiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditkiosk.scan.ScannedCode.AppCode;
import org.creditkiosk.scan.ScannedCode.Malformed;
import org.creditkiosk.scan.ScannedCode.Reason;
import org.creditkiosk.scan.ScannedCode.ReportCode;
import org.creditkiosk.scan.ScannedCode.Unknown;
import org.junit.jupiter.api.Test;

class ScannedCodeTest {

    private static final String HOST = "credit-platform.example";
    private static final String TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz_-";

    private static ScannedCode classify(String text) {
        return ScannedCode.classify(text, HOST);
    }

    @Test
    void appCodeIsRecognisedVerbatimAndItsTokenIsMaskedInToString() {
        ScannedCode code = classify("XYYL1." + TOKEN);
        assertThat(code).isEqualTo(new AppCode("XYYL1." + TOKEN));
        assertThat(code.toString()).doesNotContain(TOKEN.substring(0, 8));
        assertThat(((AppCode) code).openSessionRequest())
                .isEqualTo(org.creditkiosk.platform.api.OpenSessionRequest.appQr("XYYL1." + TOKEN));
        assertThat(classify("  XYYL1." + TOKEN + "\r\n")).isEqualTo(new AppCode("XYYL1." + TOKEN));
        String longest = "XYYL1." + "a".repeat(512 - 6);
        assertThat(classify(longest)).isEqualTo(new AppCode(longest));
    }

    @Test
    void brokenAppCodesAreMalformedWithTheirReason() {
        assertThat(classify("XYYL1." + "a".repeat(512 - 5))).isEqualTo(new Malformed(Reason.APP_CODE_TOO_LONG));
        assertThat(classify("XYYL1.short")).isEqualTo(new Malformed(Reason.APP_CODE_TOO_SHORT));
        assertThat(classify("XYYL1.")).isEqualTo(new Malformed(Reason.APP_CODE_TOO_SHORT));
        assertThat(classify("XYYL1.abcdefgh ijklmnopq")).isEqualTo(new Malformed(Reason.APP_CODE_BAD_CHARACTERS));
        assertThat(classify("XYYL1.abcdefghijklmnop+/==")).isEqualTo(new Malformed(Reason.APP_CODE_BAD_CHARACTERS));
        assertThat(classify("XYYL1.abcdefgh..ijklmnop")).isEqualTo(new Malformed(Reason.APP_CODE_BAD_CHARACTERS));
        assertThat(classify("XYYL1.abcdefghijklmnop.")).isEqualTo(new Malformed(Reason.APP_CODE_BAD_CHARACTERS));
        assertThat(classify("XYYL1.信用信用信用信用信用信用信用信用")).isEqualTo(new Malformed(Reason.APP_CODE_BAD_CHARACTERS));
        assertThat(classify("XYYL2." + TOKEN)).isEqualTo(new Malformed(Reason.APP_CODE_UNSUPPORTED_VERSION));
        assertThat(classify("xyyl1." + TOKEN)).isEqualTo(new Malformed(Reason.APP_CODE_UNSUPPORTED_VERSION));
        assertThat(classify("XYYL1")).isEqualTo(new Malformed(Reason.APP_CODE_UNSUPPORTED_VERSION));
    }

    @Test
    void theContractsVerifyUrlIsAReportCode() {
        assertThat(classify("https://credit-platform.example/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new ReportCode("YLXY-20261127-0003-000187"));
        assertThat(classify("HTTPS://Credit-Platform.Example/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new ReportCode("YLXY-20261127-0003-000187"));
        assertThat(classify("https://credit-platform.example:443/v?r=AB-20261127-0003-000187"))
                .isEqualTo(new ReportCode("AB-20261127-0003-000187"));
    }

    @Test
    void loopbackHostsMayUseHttpAndAnyPortForTheDemoPlatform() {
        assertThat(ScannedCode.classify("http://127.0.0.1:18080/v?r=YLXY-20261127-0003-000187", "127.0.0.1"))
                .isEqualTo(new ReportCode("YLXY-20261127-0003-000187"));
        assertThat(ScannedCode.classify("http://localhost:8080/v?r=YLXY-20261127-0003-000187", "localhost"))
                .isEqualTo(new ReportCode("YLXY-20261127-0003-000187"));
    }

    @Test
    void linksToOurVerifyPageInAnotherFormAreMalformed() {
        String base = "https://credit-platform.example";
        assertThat(classify("http://credit-platform.example/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify("https://credit-platform.example:8443/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify(base + "/verify?r=YLXY-20261127-0003-000187")).isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify(base + "/v?r=YLXY-20261127-0003-000187&x=1")).isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify(base + "/v?r=YLXY-20261127-0003-000187#frag")).isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify("https://user@credit-platform.example/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify(base + "/v?q=YLXY-20261127-0003-000187")).isEqualTo(new Malformed(Reason.REPORT_LINK_INVALID));
        assertThat(classify(base + "/v?r=ylxy-20261127-0003-000187")).isEqualTo(new Malformed(Reason.REPORT_NUMBER_INVALID));
        assertThat(classify(base + "/v?r=YLXY-2026112-0003-000187")).isEqualTo(new Malformed(Reason.REPORT_NUMBER_INVALID));
        assertThat(classify(base + "/v?r=ABCDEFGHI-20261127-0003-000187")).isEqualTo(new Malformed(Reason.REPORT_NUMBER_INVALID));
        assertThat(classify(base + "/v?r=")).isEqualTo(new Malformed(Reason.REPORT_NUMBER_INVALID));
        // a scanned number goes into the verifyReport URL path: traversal, escapes and overlong values never pass
        for (String bad : new String[] {"../../v1/kiosks", "YLXY-20261127-0003-000187%2F..%2F..",
                "..%2F..%2Fetc%2Fpasswd", "YLXY-20261127-0003-000187%0A", "YLXY-20261127-0003-0001870",
                "YLXY-20261127-0003-" + "0".repeat(5000)}) {
            assertThat(classify(base + "/v?r=" + bad)).as(bad).isEqualTo(new Malformed(Reason.REPORT_NUMBER_INVALID));
        }
    }

    @Test
    void everythingElseIsUnknown() {
        assertThat(classify("https://evil.example/v?r=YLXY-20261127-0003-000187")).isEqualTo(new Unknown());
        assertThat(classify("https://credit-platform.example.evil.example/v?r=YLXY-20261127-0003-000187"))
                .isEqualTo(new Unknown());
        assertThat(classify("6901234567892")).isEqualTo(new Unknown());
        assertThat(classify("WIFI:S:hall;T:WPA;P:secret;;")).isEqualTo(new Unknown());
        assertThat(classify("http://[bad")).isEqualTo(new Unknown());
        assertThat(classify("")).isEqualTo(new Unknown());
        assertThat(classify("榆林市公共信用")).isEqualTo(new Unknown());
    }
}
