package org.creditkiosk.device.idcard;

/**
 * The host commands of the SAM reader interface (GA/T 467-2019, host interface), as {@code CMD Para} pairs.
 * Long commands (reading the card through the SAM) get the long timeout of {@link IdCardReaderSettings}.
 */
public enum SamCommand {
    RESET_SAM(0x10, 0xFF, false),
    SAM_STATUS(0x11, 0xFF, false),
    /** Answers 16 bytes: the SAM's id. */
    READ_SAM_ID(0x12, 0xFF, false),
    /** SW3 {@code 9F} found (4 data bytes), {@code 80} none. */
    FIND_CARD(0x20, 0x01, false),
    /** SW3 {@code 90} selected (8 data bytes), {@code 81} failed. */
    SELECT_CARD(0x20, 0x02, false),
    /** Text and photo: TL, PL, 256-byte text, 1024-byte photo (1295-byte frame). */
    READ_TEXT_PHOTO(0x30, 0x01, true),
    /**
     * Text, photo and fingerprint. The kiosk never sends it: fingerprints are biometric data that PIPL art. 28
     * treats as sensitive and the kiosk does not need; the simulator answers it for completeness.
     */
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10, true),
    SET_BAUD_115200(0x60, 0x00, false),
    SET_BAUD_57600(0x60, 0x01, false),
    SET_BAUD_38400(0x60, 0x02, false),
    SET_BAUD_19200(0x60, 0x03, false),
    SET_BAUD_9600(0x60, 0x04, false);

    private final int cmd;
    private final int para;
    private final boolean cardRead;

    SamCommand(int cmd, int para, boolean cardRead) {
        this.cmd = cmd;
        this.para = para;
        this.cardRead = cardRead;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    /** True for the commands that read the card through the SAM (long timeout). */
    public boolean isCardRead() {
        return cardRead;
    }

    /** The command with these two bytes, if it is one we know. */
    public static java.util.Optional<SamCommand> of(int cmd, int para) {
        for (SamCommand c : values()) {
            if (c.cmd == (cmd & 0xFF) && c.para == (para & 0xFF)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
