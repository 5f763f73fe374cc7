package org.creditkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFramerTest {

    private final List<ScanEvent> events = new ArrayList<>();

    private void feed(ScanFramer f, String s, Charset cs, long now) {
        byte[] b = s.getBytes(cs);
        f.feed(b, 0, b.length, now, events::add);
    }

    private void feed(ScanFramer f, byte[] b, long now) {
        f.feed(b, 0, b.length, now, events::add);
    }

    @Test
    void eachTerminatorEndsAFrameAndStrayCrLfAtTheEdgesAreDropped() {
        for (ScanTerminator t : ScanTerminator.values()) {
            events.clear();
            ScanFramer f = new ScanFramer(QrScannerSettings.defaults().withTerminator(t));
            String term = new String(t.bytes(), StandardCharsets.US_ASCII);
            feed(f, "XYYL1.abc" + term + "second" + term, StandardCharsets.UTF_8, 0);
            assertThat(events).as(t.name()).containsExactly(
                    new ScanEvent.Scanned("XYYL1.abc"), new ScanEvent.Scanned("second"));
        }
        // A CRLF scanner read by a driver set to CR: the LF opens the next frame and is dropped.
        events.clear();
        ScanFramer cr = new ScanFramer(QrScannerSettings.defaults());
        feed(cr, "one\r\ntwo\r\n", StandardCharsets.UTF_8, 0);
        assertThat(events).containsExactly(new ScanEvent.Scanned("one"), new ScanEvent.Scanned("two"));
    }

    @Test
    void prefixAndSuffixAreStrippedWhenPresent() {
        ScanFramer f = new ScanFramer(QrScannerSettings.defaults().withAffixes("]Q1", "#"));
        feed(f, "]Q1hello#\rplain\r", StandardCharsets.UTF_8, 0);
        assertThat(events).containsExactly(new ScanEvent.Scanned("hello"), new ScanEvent.Scanned("plain"));
    }

    @Test
    void chineseTextDecodesInTheConfiguredCharsetAndWrongBytesAreUndecodable() {
        ScanFramer gb = new ScanFramer(QrScannerSettings.defaults().withCharset(ScanCharset.GB18030));
        feed(gb, "榆林信用¥\r", Charset.forName("GB18030"), 0);
        ScanFramer utf8 = new ScanFramer(QrScannerSettings.defaults());
        feed(utf8, "榆林信用\r", StandardCharsets.UTF_8, 0);
        feed(utf8, "榆林信用\r", Charset.forName("GB18030"), 0); // GB bytes are not UTF-8
        assertThat(events).containsExactly(new ScanEvent.Scanned("榆林信用¥"), new ScanEvent.Scanned("榆林信用"),
                new ScanEvent.Rejected(ScanOutcome.UNDECODABLE));
    }

    @Test
    void controlBytesMakeAFrameBinary() {
        ScanFramer f = new ScanFramer(QrScannerSettings.defaults());
        feed(f, new byte[] {'a', 0x00, 'b', '\r', 'o', 'k', '\t', 'x', '\r'}, 0);
        assertThat(events).containsExactly(new ScanEvent.Rejected(ScanOutcome.BINARY), new ScanEvent.Scanned("ok\tx"));
    }

    @Test
    void overlongFrameIsRejectedOnceAndTheNextFrameIsClean() {
        ScanFramer f = new ScanFramer(QrScannerSettings.defaults().withMaxLength(16));
        feed(f, "0123456789abcdef\r", StandardCharsets.US_ASCII, 0); // exactly the limit
        feed(f, "0123456789abcdefgh-and-much-more\rnext\r", StandardCharsets.US_ASCII, 0);
        assertThat(events).containsExactly(new ScanEvent.Scanned("0123456789abcdef"),
                new ScanEvent.Rejected(ScanOutcome.TOO_LONG), new ScanEvent.Scanned("next"));
        assertThat(f.peakBufferedBytes()).isLessThanOrEqualTo(17);
    }

    @Test
    void silenceAfterAPartialFrameRejectsItAsUnterminated() {
        long gap = QrScannerSettings.defaults().interByteTimeout().toNanos();
        ScanFramer f = new ScanFramer(QrScannerSettings.defaults());
        feed(f, "XYYL1.cut", StandardCharsets.US_ASCII, 0);
        f.idle(gap / 2, events::add);
        assertThat(events).isEmpty();
        f.idle(gap, events::add);
        assertThat(events).containsExactly(new ScanEvent.Rejected(ScanOutcome.UNTERMINATED));
        // a read that returns nothing after the gap ends the frame; the next bytes start a new one
        events.clear();
        feed(f, "noise", StandardCharsets.US_ASCII, 2 * gap);
        f.idle(3 * gap, events::add);
        feed(f, "code\r", StandardCharsets.US_ASCII, 4 * gap);
        assertThat(events).containsExactly(new ScanEvent.Rejected(ScanOutcome.UNTERMINATED),
                new ScanEvent.Scanned("code"));
    }

    @Test
    void aSlowReaderDoesNotSplitAFrame() {
        long gap = QrScannerSettings.defaults().interByteTimeout().toNanos();
        ScanFramer f = new ScanFramer(QrScannerSettings.defaults());
        feed(f, "XYYL1.first-half", StandardCharsets.US_ASCII, 0);
        feed(f, "-second-half\r", StandardCharsets.US_ASCII, 10 * gap); // bytes were waiting in the port
        assertThat(events).containsExactly(new ScanEvent.Scanned("XYYL1.first-half-second-half"));
    }

    @Test
    void endlessStreamWithoutTerminatorKeepsTheBufferBounded() {
        QrScannerSettings s = QrScannerSettings.defaults();
        ScanFramer f = new ScanFramer(s);
        byte[] chunk = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10_000; i++) { // 10 MB, never silent, never terminated
            feed(f, chunk, i);
            assertThat(f.bufferedBytes()).isLessThanOrEqualTo(s.maxLength() + 1);
        }
        assertThat(events).containsExactly(new ScanEvent.Rejected(ScanOutcome.TOO_LONG));
        assertThat(f.capacity()).isEqualTo(s.maxLength() + 1);
        assertThat(f.discardedBytes()).isGreaterThan(9_000_000L);
        feed(f, "\rafter\r", StandardCharsets.US_ASCII, 10_001);
        assertThat(events).last().isEqualTo(new ScanEvent.Scanned("after"));
    }

    @Test
    void randomAndTruncatedStreamsNeverBreakTheFramer() {
        java.util.Random random = new java.util.Random(7);
        for (ScanTerminator t : ScanTerminator.values()) {
            QrScannerSettings s = QrScannerSettings.defaults().withTerminator(t).withMaxLength(64)
                    .withCharset(random.nextBoolean() ? ScanCharset.UTF_8 : ScanCharset.GB18030);
            ScanFramer f = new ScanFramer(s);
            long now = 0;
            for (int round = 0; round < 20_000; round++) {
                byte[] chunk = new byte[random.nextInt(40)];
                random.nextBytes(chunk);
                if (random.nextInt(4) == 0 && chunk.length > 0) {
                    chunk[random.nextInt(chunk.length)] = t.bytes()[t.bytes().length - 1];
                }
                now += random.nextInt(3) == 0 ? s.interByteTimeout().toNanos() : 1_000_000L;
                f.idle(now, events::add);
                feed(f, chunk, now);
                assertThat(f.bufferedBytes()).isLessThanOrEqualTo(s.maxLength() + 1);
            }
            assertThat(events).allSatisfy(e -> {
                if (e instanceof ScanEvent.Scanned sc) {
                    assertThat(sc.text()).isNotEmpty().doesNotContain("\r", "\n", "\u0000");
                    assertThat(sc.text().getBytes(s.charset().charset()).length).isLessThanOrEqualTo(s.maxLength());
                }
            });
            events.clear();
        }
    }

    @Test
    void commandBytesParseHex() {
        assertThat(CommandBytes.hex("16 54 0D").bytes()).containsExactly(0x16, 0x54, 0x0D);
        assertThat(CommandBytes.hex(" ").isEmpty()).isTrue();
        assertThat(CommandBytes.hex("16540d")).isEqualTo(CommandBytes.of((byte) 0x16, (byte) 0x54, (byte) 0x0D));
        assertThat(CommandBytes.hex("16540d").toString()).isEqualTo("16 54 0D");
        assertThat(Duration.ofMillis(300)).isEqualTo(QrScannerSettings.defaults().interByteTimeout());
    }
}
