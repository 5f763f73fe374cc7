package org.creditkiosk.device;

/**
 * What every kiosk device offers, modelled on JavaPOS/UnifiedPOS in a small modern form:
 * open/close, a health snapshot, and typed failures ({@link DeviceException}).
 *
 * <p>{@link #open()} never blocks for long and never throws for a device that is absent: a driver that
 * cannot reach its device reports {@link DeviceState#OFFLINE} and keeps trying to reopen in the background.
 */
public interface Device extends AutoCloseable {

    DeviceKind kind();

    /** Starts the driver (its reader thread, its reopen loop). Idempotent. */
    void open();

    /** Stops the driver and releases the port. Idempotent; never throws. */
    @Override
    void close();

    /** The current health; cheap, never blocks. */
    DeviceHealth health();
}
