package org.creditkiosk.device.scanner;

/** Why a frame from the scanner was not delivered as text. A closed set: callers switch on it. */
public enum ScanOutcome {
    /** More bytes than {@link QrScannerSettings#maxLength()} before the terminator; discarded up to it. */
    TOO_LONG,
    /** The bytes are not valid in the configured charset (wrong charset setting, or line noise). */
    UNDECODABLE,
    /** The frame carries control bytes (NUL, ESC, ...) that no text code contains: a binary payload or noise. */
    BINARY,
    /** Bytes arrived, then nothing for {@link QrScannerSettings#interByteTimeout()} and no terminator. */
    UNTERMINATED
}
