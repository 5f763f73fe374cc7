package org.creditkiosk.ui.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.creditkiosk.ui.input.WedgeScanDetector.Decision;
import org.junit.jupiter.api.Test;

/**
 * The detector with a made-up clock. A "field" models the focused text field: every PASSed character and every
 * replayed text lands in it, in the order the detector releases them.
 */
class WedgeScanDetectorTest {

    private static final long MS = 1_000_000L;

    private final StringBuilder field = new StringBuilder();
    private final List<String> scans = new ArrayList<>();
    private final List<Integer> overflows = new ArrayList<>();
    private final WedgeScanDetector detector = new WedgeScanDetector(WedgeScanDetector.Settings.defaults(),
            new WedgeScanDetector.Listener() {
                @Override
                public void scanned(String text) {
                    scans.add(text);
                }

                @Override
                public void replay(String text) {
                    field.append(text);
                }

                @Override
                public void overflowed(int length) {
                    overflows.add(length);
                }
            });
    private int enterPassed;

    /** Types {@code text} with {@code gapMs} between keys from {@code startMs}; runs the timer as a UI would. */
    private long type(String text, long startMs, long gapMs) {
        long t = startMs * MS;
        for (int i = 0; i < text.length(); i++) {
            timerUpTo(t);
            if (detector.onCharacter(String.valueOf(text.charAt(i)), t) == Decision.PASS) {
                field.append(text.charAt(i));
            }
            t += gapMs * MS;
        }
        return t - gapMs * MS;
    }

    private void enter(long nanos) {
        timerUpTo(nanos);
        if (detector.onEnter(nanos) == Decision.PASS) {
            enterPassed++;
        }
    }

    /** Fires the detector's timer whenever its deadline falls before {@code nanos}. */
    private void timerUpTo(long nanos) {
        while (detector.deadlineNanos().isPresent() && detector.deadlineNanos().getAsLong() <= nanos) {
            detector.onTimer(detector.deadlineNanos().getAsLong());
        }
    }

    @Test
    void fastBurstEndingWithEnterIsOneScanAndNothingReachesTheField() {
        String code = "XYYL1.eyJhbGciOiJFZERTQSJ9.c2ln-_x";
        long last = type(code, 1000, 4);
        enter(last + 5 * MS);
        assertThat(scans).containsExactly(code);
        assertThat(field).isEmpty();
        assertThat(enterPassed).isZero();
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void humanTypingIsNeverAScanAndArrivesInOrder() {
        long last = type("hello world 12345", 1000, 150);
        enter(last + 150 * MS);
        assertThat(scans).isEmpty();
        assertThat(field).hasToString("hello world 12345");
        assertThat(enterPassed).isEqualTo(1);
    }

    @Test
    void fastHumanRolloverPairsAreReplayedInOrder() {
        // A typist's rolled pairs: two keys 20 ms apart, 120 ms between pairs, then a quick Enter.
        long t = 1000;
        for (String pair : new String[] {"th", "e ", "qu", "ic", "k!"}) {
            type(pair, t, 20);
            t += 140;
        }
        enter((t - 120) * MS);
        assertThat(scans).isEmpty();
        assertThat(field).hasToString("the quick!");
        assertThat(enterPassed).isEqualTo(1);
    }

    @Test
    void burstWithoutEnterIsReplayedAfterTheGap() {
        long last = type("ABCDEFGHIJKLMN", 1000, 3);
        assertThat(detector.holding()).isTrue();
        assertThat(field).isEmpty();
        timerUpTo(last + 31 * MS);
        assertThat(field).hasToString("ABCDEFGHIJKLMN");
        assertThat(scans).isEmpty();
        // a late Enter afterwards is an ordinary Enter
        enter(last + 500 * MS);
        assertThat(enterPassed).isEqualTo(1);
        assertThat(scans).isEmpty();
    }

    @Test
    void shortFastBurstWithEnterIsTyping() {
        long last = type("ok", 1000, 10);
        enter(last + 10 * MS);
        assertThat(scans).isEmpty();
        assertThat(field).hasToString("ok");
        assertThat(enterPassed).isEqualTo(1);
    }

    @Test
    void typingThenAScanKeepsTheTypedTextAndSwallowsTheScan() {
        long last = type("abc", 1000, 200);
        long scanEnd = type("YLXY-20261127-0003-000187", last / MS + 400, 2);
        enter(scanEnd + 2 * MS);
        long after = type("de", scanEnd / MS + 500, 200);
        timerUpTo(after + 100 * MS);
        assertThat(field).hasToString("abcde");
        assertThat(scans).containsExactly("YLXY-20261127-0003-000187");
    }

    @Test
    void aNonTextKeyReplaysHeldKeysBeforeIt() {
        long last = type("abcd", 1000, 5);
        detector.onOtherKey(last + 2 * MS); // e.g. Backspace
        assertThat(field).hasToString("abcd");
        assertThat(detector.holding()).isFalse();
        assertThat(detector.onCharacter("\b", last + 3 * MS)).isEqualTo(Decision.PASS);
    }

    @Test
    void endlessBurstIsDroppedWithBoundedMemory() {
        long last = type("9".repeat(5000), 1000, 1);
        enter(last + MS);
        assertThat(scans).isEmpty();
        assertThat(field).isEmpty();
        assertThat(overflows).containsExactly(5000);
        assertThat(enterPassed).isZero();
    }

    @Test
    void randomTimingsNeverLoseOrReorderAKey() {
        // Whatever the timing, every key ends up either in the field or in a scan, in the order typed.
        java.util.Random random = new java.util.Random(11);
        StringBuilder typed = new StringBuilder();
        StringBuilder delivered = new StringBuilder();
        WedgeScanDetector d = new WedgeScanDetector(WedgeScanDetector.Settings.defaults(),
                new WedgeScanDetector.Listener() {
                    @Override
                    public void scanned(String text) {
                        delivered.append(text);
                    }

                    @Override
                    public void replay(String text) {
                        delivered.append(text);
                    }
                });
        long t = 0;
        long[] gaps = {1 * MS, 5 * MS, 25 * MS, 31 * MS, 80 * MS, 200 * MS};
        for (int i = 0; i < 50_000; i++) {
            t += gaps[random.nextInt(gaps.length)];
            while (d.deadlineNanos().isPresent() && d.deadlineNanos().getAsLong() <= t) {
                d.onTimer(d.deadlineNanos().getAsLong());
            }
            int what = random.nextInt(20);
            if (what == 0) {
                d.onEnter(t);
            } else if (what == 1) {
                d.onOtherKey(t);
            } else {
                char c = (char) ('a' + random.nextInt(26));
                typed.append(c);
                if (d.onCharacter(String.valueOf(c), t) == Decision.PASS) {
                    delivered.append(c);
                }
            }
        }
        d.onOtherKey(t + 1);
        assertThat(delivered.toString()).isEqualTo(typed.toString());
    }

    @Test
    void chineseCharactersFromAWedgeWithUnicodeOutputAreOneScan() {
        long last = type("榆林市公共信用信息平台", 1000, 3);
        enter(last + 3 * MS);
        assertThat(scans).containsExactly("榆林市公共信用信息平台");
    }
}
