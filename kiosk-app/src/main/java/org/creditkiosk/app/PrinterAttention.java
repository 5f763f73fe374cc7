package org.creditkiosk.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.creditkiosk.printing.PrintDesk;
import org.creditkiosk.printing.PrintFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where printer faults that need hall staff go: one warning line for the technician's log, and the last
 * {@value #KEPT} held jobs for the maintenance screen (job id, fault, time; no personal data: the job itself stays
 * with its visit and is wiped with it).
 */
public final class PrinterAttention implements PrintDesk.Attention {

    private static final Logger log = LoggerFactory.getLogger("org.creditkiosk.printing.attention");
    static final int KEPT = 10;

    /** A job a printer fault held. */
    public record Held(Instant at, String jobId, PrintFailure.Code code) {
    }

    private final Clock clock;
    private final Deque<Held> held = new ArrayDeque<>();

    public PrinterAttention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void printerNeedsAttention(String jobId, PrintFailure.Code code) {
        log.warn("PRINTER NEEDS ATTENTION: {} (job {} is kept for reprint)", code, jobId);
        synchronized (held) {
            held.addFirst(new Held(clock.instant(), jobId, code));
            while (held.size() > KEPT) {
                held.removeLast();
            }
        }
    }

    /** The last held jobs, newest first. */
    public List<Held> held() {
        synchronized (held) {
            return List.copyOf(held);
        }
    }
}
