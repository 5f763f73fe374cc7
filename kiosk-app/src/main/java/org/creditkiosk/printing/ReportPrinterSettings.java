package org.creditkiosk.printing;

import java.time.Duration;
import java.util.Objects;

/**
 * The A4 report printer, from the technician file.
 *
 * @param queueName      the CUPS queue (exact name): never "the default printer"
 * @param jobTimeout     how long a job may take from submission until CUPS reports it completed; after that it is
 *                       cancelled (so that it cannot come out later as a duplicate of a reprint)
 * @param pollInterval   how often the job and queue state are read while waiting
 * @param commandTimeout limit for one {@code lpstat}/{@code cancel} call
 */
public record ReportPrinterSettings(String queueName, Duration jobTimeout, Duration pollInterval,
                                    Duration commandTimeout) {

    public ReportPrinterSettings {
        Objects.requireNonNull(queueName, "queueName");
        if (queueName.isBlank() || !queueName.matches("[A-Za-z0-9_.@-]{1,127}")) {
            throw new IllegalArgumentException("queue name '" + queueName + "' is not a CUPS queue name");
        }
        for (Duration d : new Duration[] {jobTimeout, pollInterval, commandTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("report printer timeouts must be positive");
            }
        }
    }

    public static ReportPrinterSettings of(String queueName) {
        return new ReportPrinterSettings(queueName, Duration.ofMinutes(2), Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    public ReportPrinterSettings withJobTimeout(Duration timeout) {
        return new ReportPrinterSettings(queueName, timeout, pollInterval, commandTimeout);
    }
}
