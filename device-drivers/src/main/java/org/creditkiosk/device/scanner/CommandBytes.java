package org.creditkiosk.device.scanner;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bytes the driver sends to the scanner, e.g. a serial trigger or an illumination switch. Vendors differ, so
 * the bytes come from configuration as hex (Honeywell's serial trigger is {@code 16 54 0D}, SYN T CR). Empty
 * means "send nothing", which is the default: most kiosk scanners run in presentation mode and need no command.
 */
public final class CommandBytes {

    public static final CommandBytes NONE = new CommandBytes(new byte[0]);
    private static final int MAX_LENGTH = 64;

    private final byte[] bytes;

    private CommandBytes(byte[] bytes) {
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a scanner command is at most " + MAX_LENGTH + " bytes");
        }
        this.bytes = bytes;
    }

    public static CommandBytes of(byte... bytes) {
        return bytes.length == 0 ? NONE : new CommandBytes(bytes.clone());
    }

    /** Parses hex such as {@code "16 54 0D"} or {@code "16540d"}; blank means none. */
    public static CommandBytes hex(String hex) {
        String digits = hex.replaceAll("[\\s:,-]", "");
        if (digits.isEmpty()) {
            return NONE;
        }
        try {
            return new CommandBytes(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex byte string: '" + hex + "'", e);
        }
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandBytes c && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return isEmpty() ? "none" : HexFormat.ofDelimiter(" ").formatHex(bytes).toUpperCase(Locale.ROOT);
    }
}
