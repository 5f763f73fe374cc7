package org.creditkiosk.device.printer;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings and layout of the receipt printer driver; every timeout is configurable (technician file).
 *
 * @param statusTimeout     wait for one real-time status byte ({@code DLE EOT n} answers "immediately")
 * @param statusAttempts    attempts per status byte before the printer counts as not answering
 * @param jobTimeout        the longest a caller waits for one slip (status, bytes, status)
 * @param statusEveryBytes  a status check between command groups after about this many bytes, so that paper out
 *                          or an open cover mid-job stops the job instead of pouring bytes into an offline printer
 * @param pollInterval      health poll while idle (status events of printers are unreliable: poll actively)
 * @param reopenMinBackoff  first wait before reopening a lost port
 * @param reopenMaxBackoff  longest wait between reopen attempts
 * @param escPos            slip layout for this printer model
 */
public record ReceiptPrinterSettings(Duration statusTimeout, int statusAttempts, Duration jobTimeout,
                                     int statusEveryBytes, Duration pollInterval, Duration reopenMinBackoff,
                                     Duration reopenMaxBackoff, EscPosSettings escPos) {

    public ReceiptPrinterSettings {
        Objects.requireNonNull(escPos, "escPos");
        positive(statusTimeout, "statusTimeout");
        positive(jobTimeout, "jobTimeout");
        positive(pollInterval, "pollInterval");
        positive(reopenMinBackoff, "reopenMinBackoff");
        positive(reopenMaxBackoff, "reopenMaxBackoff");
        if (statusAttempts < 1 || statusAttempts > 10) {
            throw new IllegalArgumentException("statusAttempts " + statusAttempts + " is outside 1..10");
        }
        if (statusEveryBytes < 64) {
            throw new IllegalArgumentException("statusEveryBytes " + statusEveryBytes + " is below 64");
        }
        if (reopenMaxBackoff.compareTo(reopenMinBackoff) < 0) {
            throw new IllegalArgumentException("reopenMaxBackoff is shorter than reopenMinBackoff");
        }
    }

    public static ReceiptPrinterSettings defaults() {
        return new ReceiptPrinterSettings(Duration.ofMillis(500), 2, Duration.ofSeconds(30), 1024,
                Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(10), EscPosSettings.defaults());
    }

    public ReceiptPrinterSettings withEscPos(EscPosSettings settings) {
        return new ReceiptPrinterSettings(statusTimeout, statusAttempts, jobTimeout, statusEveryBytes, pollInterval,
                reopenMinBackoff, reopenMaxBackoff, settings);
    }

    public ReceiptPrinterSettings withPollInterval(Duration interval) {
        return new ReceiptPrinterSettings(statusTimeout, statusAttempts, jobTimeout, statusEveryBytes, interval,
                reopenMinBackoff, reopenMaxBackoff, escPos);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
