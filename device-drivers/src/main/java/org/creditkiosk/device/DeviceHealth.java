package org.creditkiosk.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of a device's health.
 *
 * @param state  the state
 * @param detail a short upper-case code for technicians and the heartbeat (e.g. {@code PAPER_LOW},
 *               {@code NO_RESPONSE}); empty when there is nothing to add. Never personal data.
 * @param since  when the device entered this state
 */
public record DeviceHealth(DeviceState state, String detail, Instant since) {

    public DeviceHealth {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(since, "since");
    }

    public static DeviceHealth ready() {
        return new DeviceHealth(DeviceState.READY, "", Instant.now());
    }

    public static DeviceHealth busy() {
        return new DeviceHealth(DeviceState.BUSY, "", Instant.now());
    }

    public static DeviceHealth degraded(String detail) {
        return new DeviceHealth(DeviceState.DEGRADED, detail, Instant.now());
    }

    public static DeviceHealth offline(String detail) {
        return new DeviceHealth(DeviceState.OFFLINE, detail, Instant.now());
    }

    public static DeviceHealth disabled() {
        return new DeviceHealth(DeviceState.DISABLED, "", Instant.now());
    }

    /** True when the device can take work (READY, BUSY or DEGRADED). */
    public boolean usable() {
        return state == DeviceState.READY || state == DeviceState.BUSY || state == DeviceState.DEGRADED;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? state.name() : state + "(" + detail + ")";
    }
}
