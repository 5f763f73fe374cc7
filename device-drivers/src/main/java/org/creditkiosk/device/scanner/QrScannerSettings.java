package org.creditkiosk.device.scanner;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a serial QR scanner. Every value has a default ({@link #defaults()}); the technician file
 * overrides what the scanner in the kiosk was programmed with.
 *
 * @param terminator       the suffix ending every code on the wire
 * @param prefix           text the scanner prepends (e.g. an AIM symbology id {@code ]Q1}); stripped when present
 * @param suffix           text the scanner appends before the terminator; stripped when present
 * @param maxLength        the longest frame accepted, in bytes before decoding (default 1024); longer input is
 *                         discarded up to the next terminator and reported as {@link ScanOutcome#TOO_LONG}.
 *                         It also bounds the driver's buffer.
 * @param charset          how the text is encoded on the wire
 * @param onOpenCommand    bytes sent after every (re)open, e.g. illumination on; none by default
 * @param triggerCommand   bytes sent by {@link QrScanner#trigger()} (serial trigger mode); none by default
 * @param pollInterval     how long one read waits for bytes; bounds how quickly queued commands go out and how
 *                         quickly {@link QrScanner#close()} returns
 * @param interByteTimeout silence after which a frame without terminator is given up
 *                         ({@link ScanOutcome#UNTERMINATED}); a scanner sends a code as one burst, so this can
 *                         be short, but it must exceed the byte time at the configured baud rate
 * @param reopenBackoffMin first wait before reopening a lost port
 * @param reopenBackoffMax longest wait between reopen attempts (the wait doubles up to it)
 * @param garbledAfter     consecutive rejected frames after which health turns DEGRADED(GARBLED_INPUT), the
 *                         usual sign of a wrong baud rate or charset
 */
public record QrScannerSettings(
        ScanTerminator terminator,
        String prefix,
        String suffix,
        int maxLength,
        ScanCharset charset,
        CommandBytes onOpenCommand,
        CommandBytes triggerCommand,
        Duration pollInterval,
        Duration interByteTimeout,
        Duration reopenBackoffMin,
        Duration reopenBackoffMax,
        int garbledAfter) {

    public static final int DEFAULT_MAX_LENGTH = 1024;

    public QrScannerSettings {
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(onOpenCommand, "onOpenCommand");
        Objects.requireNonNull(triggerCommand, "triggerCommand");
        if (maxLength < 16 || maxLength > 65_536) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is outside 16..65536");
        }
        positive(pollInterval, "pollInterval");
        positive(interByteTimeout, "interByteTimeout");
        positive(reopenBackoffMin, "reopenBackoffMin");
        positive(reopenBackoffMax, "reopenBackoffMax");
        if (reopenBackoffMax.compareTo(reopenBackoffMin) < 0) {
            throw new IllegalArgumentException("reopenBackoffMax is shorter than reopenBackoffMin");
        }
        if (garbledAfter < 1) {
            throw new IllegalArgumentException("garbledAfter must be at least 1");
        }
    }

    /** CR, no prefix/suffix, 1024 bytes, UTF-8, no commands, 50 ms polls, 300 ms frame gap, reopen 200 ms..5 s. */
    public static QrScannerSettings defaults() {
        return new QrScannerSettings(ScanTerminator.CR, "", "", DEFAULT_MAX_LENGTH, ScanCharset.UTF_8,
                CommandBytes.NONE, CommandBytes.NONE, Duration.ofMillis(50), Duration.ofMillis(300),
                Duration.ofMillis(200), Duration.ofSeconds(5), 3);
    }

    public QrScannerSettings withTerminator(ScanTerminator t) {
        return new QrScannerSettings(t, prefix, suffix, maxLength, charset, onOpenCommand, triggerCommand,
                pollInterval, interByteTimeout, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withAffixes(String newPrefix, String newSuffix) {
        return new QrScannerSettings(terminator, newPrefix, newSuffix, maxLength, charset, onOpenCommand,
                triggerCommand, pollInterval, interByteTimeout, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withMaxLength(int n) {
        return new QrScannerSettings(terminator, prefix, suffix, n, charset, onOpenCommand, triggerCommand,
                pollInterval, interByteTimeout, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withCharset(ScanCharset c) {
        return new QrScannerSettings(terminator, prefix, suffix, maxLength, c, onOpenCommand, triggerCommand,
                pollInterval, interByteTimeout, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withCommands(CommandBytes onOpen, CommandBytes trigger) {
        return new QrScannerSettings(terminator, prefix, suffix, maxLength, charset, onOpen, trigger,
                pollInterval, interByteTimeout, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withInterByteTimeout(Duration d) {
        return new QrScannerSettings(terminator, prefix, suffix, maxLength, charset, onOpenCommand, triggerCommand,
                pollInterval, d, reopenBackoffMin, reopenBackoffMax, garbledAfter);
    }

    public QrScannerSettings withReopenBackoff(Duration min, Duration max) {
        return new QrScannerSettings(terminator, prefix, suffix, maxLength, charset, onOpenCommand, triggerCommand,
                pollInterval, interByteTimeout, min, max, garbledAfter);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
