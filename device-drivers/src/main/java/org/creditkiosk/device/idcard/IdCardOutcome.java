package org.creditkiosk.device.idcard;

/**
 * Why a card was not read: one typed outcome per reader status (SW3), per transport defect and per content check.
 * {@link #code()} is a short upper-case code for logs, health details and the heartbeat; {@link #describe()} is
 * a line for technicians. Neither ever carries personal data (numbers appear masked at most).
 */
public sealed interface IdCardOutcome {

    String code();

    String describe();

    /** The reader answered with an SW3 other than the expected one (e.g. {@code 41}: card moved mid-read). */
    record Refused(SamCommand command, SamStatus status, int sw3) implements IdCardOutcome {
        @Override
        public String code() {
            return String.format("SAM_%02X_%s", sw3 & 0xFF, status.name());
        }

        @Override
        public String describe() {
            return String.format("reader answered %s with SW3 %02X (%s)", command, sw3 & 0xFF, status);
        }
    }

    /** No complete answer within the command's timeout; {@code bytesReceived} tells silence from a truncated answer. */
    record NoAnswer(SamCommand command, long timeoutMillis, int bytesReceived) implements IdCardOutcome {
        @Override
        public String code() {
            return "NO_RESPONSE";
        }

        @Override
        public String describe() {
            return bytesReceived == 0
                    ? "no answer to " + command + " within " + timeoutMillis + " ms"
                    : "incomplete answer to " + command + " within " + timeoutMillis + " ms (" + bytesReceived + " bytes)";
        }
    }

    /** The answer's checksum was wrong twice (the driver retries once). */
    record ChecksumError(SamCommand command) implements IdCardOutcome {
        @Override
        public String code() {
            return "CHECKSUM_ERROR";
        }

        @Override
        public String describe() {
            return "answer to " + command + " had a wrong checksum twice";
        }
    }

    /** A frame arrived but breaks the protocol (impossible length, wrong data size). */
    record MalformedAnswer(SamCommand command, String detail) implements IdCardOutcome {
        @Override
        public String code() {
            return "PROTOCOL_ERROR";
        }

        @Override
        public String describe() {
            return "malformed answer to " + command + ": " + detail;
        }
    }

    /** The identity number fails its check (GB 11643 check character or the 2017 foreign card form). */
    record InvalidIdNumber(CardType cardType, String maskedNumber) implements IdCardOutcome {
        @Override
        public String code() {
            return "ID_NUMBER_CHECK_FAILED";
        }

        @Override
        public String describe() {
            return "identity number " + maskedNumber + " on a " + cardType + " card fails its check character";
        }
    }

    /** A field of the text block cannot be read (bad date, unknown code, unknown layout). Names the field only. */
    record UnreadableText(String field) implements IdCardOutcome {
        @Override
        public String code() {
            return "TEXT_UNREADABLE";
        }

        @Override
        public String describe() {
            return "card text field '" + field + "' is unreadable";
        }
    }

    /** No card was found in the time allowed (one-shot reads only). */
    record NoCard(long waitedMillis) implements IdCardOutcome {
        @Override
        public String code() {
            return "NO_CARD";
        }

        @Override
        public String describe() {
            return "no card on the reader within " + waitedMillis + " ms";
        }
    }
}
