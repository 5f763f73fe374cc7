package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-negotiable 3 at the screens: a malformed answer, a truncated one, a revoked card and a slow platform each end
 * in a calm notice, and the kiosk serves the next citizen without anyone touching it.
 */
class PlatformFaultVisitTest {

    private static final String CARD = "610881197804120030";
    private static final String REVOKED = "610803198811020041";

    @Test
    void badAnswersAndRefusalsEndInANoticeAndTheNextVisitWorks(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of("session.timeout.notice", "3",
                "platform.readTimeoutMs", "1500", "platform.callTimeoutMs", "2000"))) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);

            demo.platform().injectNextFault("malformed");
            demo.placeNumber(CARD);
            k.awaitScreen("notice", 20);
            assertThat(k.runtime.controller().view().notice()).contains(Notice.PROTOCOL);
            demo.remove();
            k.awaitScreen("attract", 10); // the notice times out by itself

            demo.platform().injectNextFault("truncated");
            demo.placeNumber(CARD);
            k.awaitScreen("notice", 20);
            assertThat(k.runtime.controller().view().notice()).contains(Notice.PROTOCOL);
            demo.remove();
            k.awaitScreen("attract", 10);

            demo.placeNumber(REVOKED);
            k.awaitScreen("notice", 20);
            assertThat(k.runtime.controller().view().notice()).contains(new Notice.PlatformError(ErrorCode.CARD_REVOKED));
            assertThat(k.allTexts()).anyMatch(t -> t.contains("挂失"));
            k.screenshot("09b-notice-card-revoked");
            demo.remove();
            k.awaitScreen("attract", 10);

            demo.platform().injectNextFault("delay=5000");
            demo.placeNumber(CARD);
            k.awaitScreen("notice", 20);
            assertThat(k.runtime.controller().view().notice()).contains(Notice.PLATFORM_TIMEOUT);
            demo.remove();
            k.awaitScreen("attract", 10);

            demo.placeNumber(CARD);
            k.awaitScreen("showing_record", 20);
        }
    }
}
