package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 10, item 8a: untrusted text is one clean, bounded log line. */
class UntrustedTextTest {

    @Test
    void plainTextPassesUnchanged() {
        assertThat(UntrustedText.forLog("session expired (榆林, rq-7)")).isEqualTo("session expired (榆林, rq-7)");
        assertThat(UntrustedText.forLog("")).isEmpty();
        assertThat(UntrustedText.forLog(null)).isEmpty();
    }

    @Test
    void lineBreaksCannotForgeALogLine() {
        assertThat(UntrustedText.forLog("bad\r\n2026-11-27 INFO platform UP")).isEqualTo("bad??2026-11-27 INFO platform UP");
        assertThat(UntrustedText.forLog("a\u0085b\u2028c\u2029d")).isEqualTo("a?b?c?d");
    }

    @Test
    void everyC0AndC1ControlAndDelIsReplaced() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(UntrustedText.forLog("x" + c + "y")).as("U+%04X", (int) c).isEqualTo("x?y");
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            assertThat(UntrustedText.forLog("x" + c + "y")).as("U+%04X", (int) c).isEqualTo("x?y");
        }
        // ESC [ 2 J clears a technician's terminal; CSI (U+009B) does the same in one character
        assertThat(UntrustedText.forLog("\u001b[2J\u001b]0;owned\u0007\u009b31m")).doesNotContain("\u001b", "\u0007", "\u009b");
    }

    @Test
    void bidiControlsCannotReorderWhatATechnicianReads() {
        String rlo = "ok \u202Egnp.exe\u202C \u2066x\u2069 \u200E\u200F\u061C \u202A\u202B\u202D\u2067\u2068";
        String safe = UntrustedText.forLog(rlo);
        assertThat(safe).isEqualTo("ok ?gnp.exe? ?x? ??? ?????");
    }

    @Test
    void longTextIsCutTo200CharactersWithAMark() {
        String cut = UntrustedText.forLog("m".repeat(10_000));
        assertThat(cut).hasSize(UntrustedText.MAX_LOG_CHARS).endsWith("…").startsWith("mmm");
        assertThat(UntrustedText.forLog("m".repeat(200))).isEqualTo("m".repeat(200));
        assertThat(UntrustedText.forLog("m".repeat(201))).hasSize(200).endsWith("…");
        assertThat(UntrustedText.forLog("abcdef", 4)).isEqualTo("abc…");
        assertThatThrownBy(() -> UntrustedText.forLog("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void surrogatePairsSurviveAndAreNeverSplit() {
        String ext = "𠀀"; // CJK Extension B: a surrogate pair
        assertThat(UntrustedText.forLog("名" + ext)).isEqualTo("名" + ext);
        // the cut falls in the middle of the pair: the whole pair goes, no lone half stays
        String cut = UntrustedText.forLog("ab" + ext + "cd", 4);
        assertThat(cut).isEqualTo("ab…");
        assertThat(UntrustedText.forLog("a\uD800b\uDC00c")).isEqualTo("a?b?c");
    }
}
