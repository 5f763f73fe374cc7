package org.creditkiosk.printing;

import java.util.Optional;
import java.util.Set;

/**
 * The A4 queue as a technician needs it: does it exist for this JVM, is it enabled and accepting jobs, and why not.
 *
 * @param queue     the configured queue name
 * @param known     javax.print lists the queue (Java caches the CUPS list at first use: a queue created later is
 *                  unknown until the kiosk restarts)
 * @param enabled   CUPS printer-state is not "stopped"; empty when CUPS cannot be asked
 * @param accepting CUPS/IPP printer-is-accepting-jobs
 * @param reasons   CUPS printer-state-reasons (e.g. media-empty-error, paused)
 * @param message   the text given to {@code cupsdisable -r}, if any
 */
public record QueueStatus(String queue, boolean known, Optional<Boolean> enabled, boolean accepting,
                          Set<String> reasons, String message) {

    public QueueStatus {
        reasons = Set.copyOf(reasons);
    }

    /** Why a job cannot be printed now; empty when the queue is ready. */
    public Optional<PrintFailure.Code> fault() {
        if (!known) {
            return Optional.of(PrintFailure.Code.QUEUE_MISSING);
        }
        Optional<PrintFailure.Code> byReason = CupsQueue.faultOf(reasons);
        if (byReason.isPresent()) {
            return byReason;
        }
        if (enabled.isPresent() && !enabled.get()) {
            return Optional.of(PrintFailure.Code.QUEUE_STOPPED);
        }
        if (!accepting) {
            return Optional.of(PrintFailure.Code.NOT_ACCEPTING);
        }
        return Optional.empty();
    }

    /** One line for logs and the CLI. */
    public String describe() {
        return "queue " + queue + ": " + fault().map(Enum::name).orElse("READY")
                + (enabled.isEmpty() ? " (CUPS state unknown)" : "")
                + (reasons.isEmpty() ? "" : " reasons=" + String.join(",", reasons))
                + (message.isEmpty() ? "" : " message=\"" + message + "\"");
    }
}
