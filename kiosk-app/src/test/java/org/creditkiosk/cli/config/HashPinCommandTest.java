package org.creditkiosk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.creditkiosk.cli.KioskCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kiosk config hash-pin}: a PIN of 6 to 12 digits on stdin becomes a PBKDF2 hash; anything else is refused. */
class HashPinCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run hashPin(String stdin) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream was = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = new CommandLine(new KioskCommand())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute("config", "hash-pin");
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(was);
        }
    }

    @Test
    void sixDigitsOrMoreGiveTheHashAndExitZero() {
        Run r = hashPin("246810\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("pbkdf2-sha256:120000:").doesNotContain("246810").hasLineCount(1);
        assertThat(r.err()).isEmpty();
        assertThat(hashPin("  123456789012  \n").code()).as("twelve digits, blanks around are dropped").isZero();
    }

    @Test
    void fewerThanSixDigitsAreRefusedWithOneClearLine() {
        for (String pin : new String[] {"1", "1234", "12345"}) {
            Run r = hashPin(pin + "\n");
            assertThat(r.code()).as(pin).isEqualTo(2);
            assertThat(r.out()).as("no hash for a short PIN").isEmpty();
            assertThat(r.err()).isEqualTo("kiosk config hash-pin: PIN refused: a maintenance PIN has at least 6 digits (this one has "
                    + pin.length() + ")" + System.lineSeparator());
        }
    }

    @Test
    void nonDigitsTooLongAndNothingAreRefused() {
        Run letters = hashPin("12ab5678\n");
        assertThat(letters.code()).isEqualTo(2);
        assertThat(letters.out()).isEmpty();
        assertThat(letters.err()).contains("digits only").doesNotContain("12ab5678").hasLineCount(1);
        assertThat(hashPin("１２３４５６\n").err()).as("full-width digits are not PIN pad digits").contains("digits only");
        Run tooLong = hashPin("1234567890123\n");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("at most 12 digits");
        Run none = hashPin("");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no PIN given");
    }

    @Test
    void helpNamesTheRuleAndTheExitCodes() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new KioskCommand()).setOut(new PrintWriter(out, true)).execute("config", "hash-pin", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("6 to 12 digits").contains("Exit codes");
    }
}
