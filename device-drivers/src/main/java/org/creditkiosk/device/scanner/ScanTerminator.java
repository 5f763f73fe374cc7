package org.creditkiosk.device.scanner;

/**
 * The suffix a serial scanner appends to every code (configured on the scanner itself, usually by scanning a
 * programming bar code). Most scanners ship with CR; some with CRLF or LF.
 */
public enum ScanTerminator {
    /** Carriage return, 0x0D. */
    CR(new byte[] {0x0D}),
    /** Line feed, 0x0A. */
    LF(new byte[] {0x0A}),
    /** Carriage return then line feed, 0x0D 0x0A. */
    CRLF(new byte[] {0x0D, 0x0A});

    private final byte[] bytes;

    ScanTerminator(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of the terminator's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The last byte of the terminator: a frame can only end on it. */
    byte lastByte() {
        return bytes[bytes.length - 1];
    }

    int length() {
        return bytes.length;
    }
}
