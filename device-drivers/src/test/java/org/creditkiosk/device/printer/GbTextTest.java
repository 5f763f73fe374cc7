package org.creditkiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class GbTextTest {

    @Test
    void javaWritesFourBytesForYenButWeNever() {
        byte[] java = "¥".getBytes(Charset.forName("GB18030"));
        assertThat(java).containsExactly(0x81, 0x30, 0x84, 0x36);
        assertThat(GbText.countFourByteSequences(java, 0, java.length)).isEqualTo(1);

        byte[] ours = GbText.encode("¥");
        assertThat(ours).containsExactly(0xA3, 0xA4);   // ￥ FULLWIDTH YEN SIGN
        assertThat(GbText.printable("¥1 • x")).isEqualTo("￥1 · x");
    }

    @Test
    void charactersWithoutATwoByteCodeBecomeQuestionMarks() {
        String text = "罕\uD840\uDC00\uD83D\uDE00";
        byte[] b = GbText.encode(text);
        assertThat(GbText.countFourByteSequences(b, 0, b.length)).isZero();
        assertThat(GbText.decode(b, 0, b.length)).isEqualTo("罕??");
    }

    @Test
    void controlCharactersCannotSmuggleCommands() {
        assertThat(GbText.encode("a\u001B@b\u0010\u0004\u0001")).containsExactly('a', ' ', '@', 'b', ' ', ' ', ' ');
    }

    @Test
    void gbkTextRoundTripsAndFourByteSequencesShowAsJunk() {
        String s = "公共信用信息 No.123 （良好）";
        byte[] b = GbText.encode(s);
        assertThat(GbText.decode(b, 0, b.length)).isEqualTo(s);
        byte[] junk = "¥".getBytes(Charset.forName("GB18030"));
        assertThat(GbText.decode(junk, 0, junk.length)).isEqualTo("\uFFFD\uFFFD");
    }
}
