package org.creditkiosk.device;

/** The health states of a device, after JavaPOS/UnifiedPOS power and state reporting, in a small form. */
public enum DeviceState {
    /** Open and able to do its work. */
    READY,
    /** Working on a request right now. */
    BUSY,
    /** Works, but needs attention soon (e.g. paper low). */
    DEGRADED,
    /** Cannot work: unplugged, not answering, out of paper, cover open. */
    OFFLINE,
    /** Switched off by configuration or by a technician. */
    DISABLED
}
