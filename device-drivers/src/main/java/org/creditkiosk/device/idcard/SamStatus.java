package org.creditkiosk.device.idcard;

import java.util.Optional;

/**
 * The SW3 status byte of a reader answer (GA/T 467-2019 host interface). Codes are given with their meaning;
 * {@link #UNDEFINED} stands for any other byte (the raw value travels next to it in {@link IdCardOutcome.Refused}).
 */
public enum SamStatus {
    OK(0x90),
    NO_CONTENT(0x91),
    CARD_FOUND(0x9F),
    /** The reader found a checksum error in our command. */
    HOST_CHECKSUM_ERROR(0x10),
    /** The reader found a length error in our command. */
    HOST_LENGTH_ERROR(0x11),
    BAD_COMMAND(0x21),
    NOT_PERMITTED(0x23),
    UNRECOGNISED(0x24),
    /** Card authentication of the reader failed. */
    CARD_AUTH_FAILED(0x31),
    /** Reader authentication of the card failed. */
    READER_AUTH_FAILED(0x32),
    /** Information verification failed. */
    VERIFICATION_FAILED(0x33),
    UNKNOWN_CARD_TYPE(0x40),
    /** Reading the card failed, usually because it moved or was lifted mid-read. */
    READ_FAILED(0x41),
    RANDOM_FAILED(0x47),
    SAM_SELF_TEST_FAILED(0x60),
    SAM_NOT_AUTHORISED(0x66),
    FIND_FAILED(0x80),
    SELECT_FAILED(0x81),
    UNDEFINED(-1);

    private final int code;

    SamStatus(int code) {
        this.code = code;
    }

    /** The SW3 byte, or -1 for {@link #UNDEFINED}. */
    public int code() {
        return code;
    }

    public static SamStatus of(int sw3) {
        for (SamStatus s : values()) {
            if (s.code == (sw3 & 0xFF)) {
                return s;
            }
        }
        return UNDEFINED;
    }

    static Optional<SamStatus> known(int sw3) {
        SamStatus s = of(sw3);
        return s == UNDEFINED ? Optional.empty() : Optional.of(s);
    }

    /** True for faults of the reader or its SAM (not of the card): the driver reports DEGRADED health. */
    public boolean isReaderFault() {
        return this == SAM_SELF_TEST_FAILED || this == SAM_NOT_AUTHORISED || this == HOST_CHECKSUM_ERROR
                || this == HOST_LENGTH_ERROR || this == BAD_COMMAND || this == NOT_PERMITTED || this == UNRECOGNISED;
    }
}
