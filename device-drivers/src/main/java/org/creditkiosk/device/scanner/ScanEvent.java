package org.creditkiosk.device.scanner;

import java.util.Objects;

/** What the scanner reports by itself: one event per frame. */
public sealed interface ScanEvent permits ScanEvent.Scanned, ScanEvent.Rejected {

    /**
     * A code was read: its text, decoded, with the configured prefix/suffix stripped.
     * {@link #toString()} gives the length only: an app code is a credential and must not reach a log.
     */
    record Scanned(String text) implements ScanEvent {
        public Scanned {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Scanned[" + text.length() + " chars]";
        }
    }

    /** A frame arrived but is no usable code; {@code reason} says why. */
    record Rejected(ScanOutcome reason) implements ScanEvent {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
