package org.creditkiosk.device;

/**
 * A typed device failure. The closed set follows JavaPOS's error codes (TIMEOUT, OFFLINE, FAILURE ...):
 * callers switch on the subclass, technicians read {@link #code()}.
 */
public abstract sealed class DeviceException extends Exception
        permits DeviceException.Timeout, DeviceException.Offline, DeviceException.Protocol,
                DeviceException.Busy, DeviceException.Failure {

    private final String code;

    protected DeviceException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A short upper-case code for logs, health details and the heartbeat (e.g. NO_RESPONSE, PAPER_OUT). */
    public String code() {
        return code;
    }

    /** The device did not answer within the time allowed. */
    public static final class Timeout extends DeviceException {
        public Timeout(String message) {
            super("NO_RESPONSE", message, null);
        }
    }

    /** The device or its port is not there or cannot work (unplugged, paper out, cover open). */
    public static final class Offline extends DeviceException {
        public Offline(String code, String message) {
            super(code, message, null);
        }

        public Offline(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** The device answered with bytes that break its protocol (bad checksum, impossible length). */
    public static final class Protocol extends DeviceException {
        public Protocol(String message) {
            super("PROTOCOL_ERROR", message, null);
        }
    }

    /** The device is doing something else. */
    public static final class Busy extends DeviceException {
        public Busy(String message) {
            super("BUSY", message, null);
        }
    }

    /** The device answered that it failed; {@link #code()} carries the device-specific reason. */
    public static final class Failure extends DeviceException {
        public Failure(String code, String message) {
            super(code, message, null);
        }
    }
}
