package org.creditkiosk.ui.input;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Tells a keyboard-wedge scanner from a person typing. A wedge scanner "types" a code as a burst of key events
 * far faster than a person (a few ms per key) and ends it with Enter; a person leaves 100 ms or more between
 * keys, even on a physical keyboard, and the kiosk's on-screen keyboard is slower still.
 *
 * <p>Pure logic, no JavaFX, time passed in as {@link System#nanoTime()} nanoseconds. Because the first key of a
 * scan looks like any key, the detector <em>holds</em> every printable key until it knows: a following key
 * within {@link Settings#maxKeyGap()} extends the burst; Enter within the gap after at least
 * {@link Settings#minLength()} keys completes a scan (the keys and the Enter are swallowed: nothing reaches a
 * text field); anything else — a pause, a short burst, a non-text key — hands the held keys back in order
 * through {@link Listener#replay(String)}, so human typing arrives unchanged, only a gap later. Callers must call
 * {@link #onTimer(long)} at {@link #deadlineNanos()} so that a held key is not kept waiting for the next one.
 *
 * <p>Not thread-safe: call it from one thread (the JavaFX application thread).
 */
public final class WedgeScanDetector {

    /** Whether the key that was just reported should go on to the focused control. */
    public enum Decision {
        /** Drop the key: the detector holds it (and may replay it) or it belongs to a scan. */
        SWALLOW,
        /** Let the key through (any held keys were replayed before it). */
        PASS
    }

    /** What the detector tells its owner. Called synchronously from the {@code on...} methods. */
    public interface Listener {
        /** A complete scan: the burst's text, without the Enter. */
        void scanned(String text);

        /** Held keys that turned out to be typing: deliver them to the focused control now, in this order. */
        void replay(String text);

        /** A burst longer than {@link Settings#maxLength()} was dropped (machine input, but no code we read). */
        default void overflowed(int length) {
        }
    }

    /**
     * @param maxKeyGap the longest pause between two keys (and before the Enter) of one scan; default 30 ms.
     *                  Wedge scanners send a key every 1–10 ms; people rarely type two keys within 30 ms, never
     *                  a whole code.
     * @param minLength the fewest characters of a scan (default 8): a short fast pair such as a rolled "th" plus
     *                  Enter is typing. The shortest code the kiosk reads is much longer.
     * @param maxLength the longest burst held (default 1024); longer bursts are dropped, which bounds memory
     */
    public record Settings(Duration maxKeyGap, int minLength, int maxLength) {
        public Settings {
            Objects.requireNonNull(maxKeyGap, "maxKeyGap");
            if (maxKeyGap.isNegative() || maxKeyGap.isZero() || maxKeyGap.toMillis() > 500) {
                throw new IllegalArgumentException("maxKeyGap must be within (0, 500 ms]");
            }
            if (minLength < 2 || maxLength < minLength) {
                throw new IllegalArgumentException("need 2 <= minLength <= maxLength");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(30), 8, 1024);
        }
    }

    private final Settings settings;
    private final Listener listener;
    private final long gapNanos;
    private final StringBuilder held = new StringBuilder();
    private int heldKeys;
    private long lastKeyNanos;
    private boolean overflow;
    private int overflowLength;

    public WedgeScanDetector(Settings settings, Listener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.gapNanos = settings.maxKeyGap().toNanos();
    }

    /**
     * A key that types {@code character} (one code point, as in JavaFX's KEY_TYPED) at {@code nanos}.
     * Control characters are treated as {@link #onOtherKey(long)}.
     */
    public Decision onCharacter(String character, long nanos) {
        Objects.requireNonNull(character, "character");
        if (character.isEmpty() || Character.isISOControl(character.codePointAt(0))) {
            onOtherKey(nanos);
            return Decision.PASS;
        }
        if (holding() && nanos - lastKeyNanos > gapNanos) {
            release();
        }
        if (overflow) {
            overflowLength++;
        } else if (heldKeys == settings.maxLength()) {
            overflow = true;
            overflowLength = heldKeys + 1;
            held.setLength(0);
            heldKeys = 0;
        } else {
            held.append(character);
            heldKeys++;
        }
        lastKeyNanos = nanos;
        return Decision.SWALLOW;
    }

    /** Enter (or the keypad's Enter) at {@code nanos}. */
    public Decision onEnter(long nanos) {
        if (!holding()) {
            return Decision.PASS;
        }
        boolean inBurst = nanos - lastKeyNanos <= gapNanos;
        if (inBurst && overflow) {
            release();
            return Decision.SWALLOW;
        }
        if (inBurst && heldKeys >= settings.minLength()) {
            String text = held.toString();
            clear();
            listener.scanned(text);
            return Decision.SWALLOW;
        }
        release();
        return Decision.PASS;
    }

    /** Any other key (Backspace, Tab, arrows, Escape ...): held keys are typing, replay them first. */
    public void onOtherKey(long nanos) {
        if (holding()) {
            release();
        }
    }

    /** Releases held keys whose burst has gone quiet for longer than the key gap. */
    public void onTimer(long nanos) {
        if (holding() && nanos - lastKeyNanos > gapNanos) {
            release();
        }
    }

    /** When {@link #onTimer(long)} should next be called; empty when nothing is held. */
    public OptionalLong deadlineNanos() {
        return holding() ? OptionalLong.of(lastKeyNanos + gapNanos + 1) : OptionalLong.empty();
    }

    /** True while keys are held back (a suspected burst). */
    public boolean holding() {
        return heldKeys > 0 || overflow;
    }

    private void release() {
        if (overflow) {
            int length = overflowLength;
            clear();
            listener.overflowed(length);
            return;
        }
        String text = held.toString();
        clear();
        if (!text.isEmpty()) {
            listener.replay(text);
        }
    }

    private void clear() {
        held.setLength(0);
        heldKeys = 0;
        overflow = false;
        overflowLength = 0;
    }
}
