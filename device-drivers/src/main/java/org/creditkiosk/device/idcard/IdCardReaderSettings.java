package org.creditkiosk.device.idcard;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of an {@link IdCardReader}. Every wait of the driver is here, so a technician can tune a slow reader.
 *
 * @param pollInterval   pause between two find-card polls; at least 300 ms (readers dislike faster polling)
 * @param commandTimeout time allowed for the answer to a short command (find, select, SAM id)
 * @param readTimeout    time allowed for the answer to a card read (the SAM talks to the card over RF)
 * @param reopenMin      first pause before reopening a lost link; doubled after each failure ...
 * @param reopenMax      ... up to this
 */
public record IdCardReaderSettings(
        Duration pollInterval,
        Duration commandTimeout,
        Duration readTimeout,
        Duration reopenMin,
        Duration reopenMax) {

    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(300);

    public IdCardReaderSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(reopenMin, "reopenMin");
        Objects.requireNonNull(reopenMax, "reopenMax");
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("pollInterval " + pollInterval.toMillis() + " ms is below 300 ms");
        }
        positive(commandTimeout, "commandTimeout");
        positive(readTimeout, "readTimeout");
        positive(reopenMin, "reopenMin");
        if (reopenMax.compareTo(reopenMin) < 0) {
            throw new IllegalArgumentException("reopenMax is below reopenMin");
        }
    }

    /** 300 ms polls, 500 ms for short commands, 3 s for reads, reopen after 0.5 s doubling up to 10 s. */
    public static IdCardReaderSettings defaults() {
        return new IdCardReaderSettings(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(3),
                Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    public IdCardReaderSettings withPollInterval(Duration d) {
        return new IdCardReaderSettings(d, commandTimeout, readTimeout, reopenMin, reopenMax);
    }

    public IdCardReaderSettings withCommandTimeout(Duration d) {
        return new IdCardReaderSettings(pollInterval, d, readTimeout, reopenMin, reopenMax);
    }

    public IdCardReaderSettings withReadTimeout(Duration d) {
        return new IdCardReaderSettings(pollInterval, commandTimeout, d, reopenMin, reopenMax);
    }

    public IdCardReaderSettings withReopen(Duration min, Duration max) {
        return new IdCardReaderSettings(pollInterval, commandTimeout, readTimeout, min, max);
    }

    /** The timeout for one command. */
    public Duration timeoutFor(SamCommand command) {
        return command.isCardRead() ? readTimeout : commandTimeout;
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
