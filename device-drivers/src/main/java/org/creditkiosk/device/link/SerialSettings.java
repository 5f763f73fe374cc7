package org.creditkiosk.device.link;

/**
 * Line settings of a serial port. Every device in the kiosk uses 8 data bits, no parity, one stop bit
 * and no flow control unless the technician file says otherwise.
 */
public record SerialSettings(int baudRate, int dataBits, int stopBits, Parity parity, boolean rtsCtsFlowControl) {

    public enum Parity { NONE, ODD, EVEN }

    public SerialSettings {
        if (baudRate < 1200 || baudRate > 921_600) {
            throw new IllegalArgumentException("baud rate " + baudRate + " is outside 1200..921600");
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits " + dataBits + " is outside 5..8");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        }
    }

    public static SerialSettings of8N1(int baudRate) {
        return new SerialSettings(baudRate, 8, 1, Parity.NONE, false);
    }

    /** Bits on the wire per byte: start + data + parity + stop. */
    public int bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** Nanoseconds one byte takes on the wire at this baud rate. */
    public long nanosPerByte() {
        return 1_000_000_000L * bitsPerByte() / baudRate;
    }
}
