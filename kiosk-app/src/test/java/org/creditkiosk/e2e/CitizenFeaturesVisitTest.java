package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Button;
import org.creditkiosk.platform.api.CreditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 6, acceptance 3, against the embedded demo platform through the real client: an objection filed from the
 * record screen shows its ticket; the public list search finds listed organisations without a session.
 */
class CitizenFeaturesVisitTest {

    @Test
    void objectionIsFiledFromTheRecordAndItsTicketShown(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            k.runtime.demo().orElseThrow().placeNumber("610881197804120030");
            k.awaitScreen("showing_record", 20);
            CreditRecord record = k.runtime.controller().view().record().orElseThrow();
            String item = record.blackList().get(0).itemId();
            fire(k, "#object-" + item);
            k.awaitScreen("objecting", 5);
            fire(k, "#reason-MISMATCH");
            k.click("#objection-phone");
            for (char c : "13912345678".toCharArray()) {
                fire(k, "#key-" + c);
            }
            fire(k, "#objection-submit");
            k.awaitText("#objection-ticket-no", 20);
            k.screenshot("12-objection-ticket");
            String ticket = k.text("#objection-ticket-no");
            assertThat(ticket).isNotBlank();
            assertThat(k.runtime.controller().view().objectionTicket()).get()
                    .satisfies(t -> assertThat(ticket).contains(t.ticketNo()));
            fire(k, "#objection-done");
            k.awaitScreen("showing_record", 5);
        }
    }

    @Test
    void publicListSearchWorksWithoutASession(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            fire(k, "#open-list-search");
            k.awaitText("#screen-list-search", 5);
            org.creditkiosk.ui.input.PinyinDictionary.shared().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (String key : new String[] {"#key-y", "#key-u", "#key-l", "#key-i", "#key-n"}) {
                fire(k, key);
            }
            k.awaitText("#cand-0", 5);
            assertThat(k.text("#cand-0")).isEqualTo("榆林");
            fire(k, "#cand-0"); // 榆林
            fire(k, "#lists-search");
            k.awaitText("#lists-total", 20);
            k.screenshot("13-list-search");
            assertThat(k.allTexts()).anyMatch(t -> t.contains("榆林市"));
            fire(k, "#lists-back");
            k.awaitText("#screen-attract", 5);
        }
    }

    /** Touches a button (fired on the FX thread: a citizen's touch, without the robot's slow mouse travel). */
    private static void fire(KioskHarness k, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> k.lookup(query, Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
