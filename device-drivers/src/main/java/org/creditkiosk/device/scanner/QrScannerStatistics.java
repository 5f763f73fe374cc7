package org.creditkiosk.device.scanner;

/**
 * Counters of a scanner driver since it was created, for the maintenance screen and the heartbeat.
 *
 * @param scanned           codes delivered
 * @param rejected          frames rejected (any {@link ScanOutcome})
 * @param discardedBytes    bytes dropped: rejected frames, overlong input, partial frames at a disconnect
 * @param bufferedBytes     bytes of the current partial frame
 * @param peakBufferedBytes the most bytes the frame buffer ever held (never above {@code maxLength + 1})
 * @param reopens           successful reopens after the first open
 */
public record QrScannerStatistics(long scanned, long rejected, long discardedBytes, int bufferedBytes,
                                  int peakBufferedBytes, long reopens) {
}
