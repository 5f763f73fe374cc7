package org.creditkiosk.printing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print jobs of one citizen session, so that no report is lost and none is printed twice.
 *
 * <ul>
 *   <li>A job that fails on paper, cover, offline (any {@link PrintFailure.Code#heldForReprint()} code) is kept:
 *       {@link PrintOutcome.Held}; staff are notified through {@link Attention} (log, health, maintenance screen).</li>
 *   <li>{@link #reprint(String)} prints a held job once, after the printer says the fault is gone (asked now, not
 *       from a cached poll); while the fault persists it answers {@link PrintOutcome.NotReady} and keeps the reprint.</li>
 *   <li>A job printed once is never sent again in the session ({@link PrintOutcome.AlreadyPrinted}).</li>
 *   <li>{@link #wipe()} at the end of the session forgets every job and zeroes the PDF bytes.</li>
 * </ul>
 * Jobs are printed one at a time (the methods are synchronized): a double tap cannot print twice.
 */
public final class PrintDesk {

    /** Where "the printer needs attention" goes (maintenance screen, heartbeat); never personal data. */
    @FunctionalInterface
    public interface Attention {
        void printerNeedsAttention(String jobId, PrintFailure.Code code);
    }

    /** Where each job that came out of a printer is counted (usage statistics); never personal data. */
    @FunctionalInterface
    public interface Tally {
        Tally NONE = (receipt, reprint) -> { };

        /** @param receipt a slip of the receipt printer (else the A4 report); @param reprint a held job printed again */
        void printed(boolean receipt, boolean reprint);
    }

    /** A kept job, for the UI ("your report is waiting, reprint once the printer is fixed"). */
    public record HeldJob(String jobId, String reportNo, PrintFailure.Code code, boolean reprintAvailable) {
    }

    private enum Stage { HELD, PRINTED, REPRINT_USED }

    private static final class Entry {
        final PrintJob job;
        Stage stage;
        PrintFailure.Code code;

        Entry(PrintJob job) {
            this.job = job;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PrintDesk.class);

    private final PrintChannel report;
    private final PrintChannel receipt;
    private final Attention attention;
    private final Tally tally;
    private final Map<String, Entry> jobs = new LinkedHashMap<>();

    public PrintDesk(PrintChannel report, PrintChannel receipt, Attention attention) {
        this(report, receipt, attention, Tally.NONE);
    }

    public PrintDesk(PrintChannel report, PrintChannel receipt, Attention attention, Tally tally) {
        this.report = Objects.requireNonNull(report, "report");
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.attention = Objects.requireNonNull(attention, "attention");
        this.tally = Objects.requireNonNull(tally, "tally");
    }

    /** Prints a job for the first time in this session. */
    public synchronized PrintOutcome print(PrintJob job) {
        Entry e = jobs.get(job.id());
        if (e != null) {
            return switch (e.stage) {
                case PRINTED -> new PrintOutcome.AlreadyPrinted(job.id());
                case HELD -> new PrintOutcome.Held(job.id(), e.code);
                case REPRINT_USED -> new PrintOutcome.ReprintUsed(job.id(), e.code);
            };
        }
        e = new Entry(job);
        return attempt(e, false);
    }

    /** Prints a held job again, once, if its printer is ready now. */
    public synchronized PrintOutcome reprint(String jobId) {
        Entry e = jobs.get(jobId);
        if (e == null) {
            return new PrintOutcome.Unknown(jobId);
        }
        switch (e.stage) {
            case PRINTED:
                return new PrintOutcome.AlreadyPrinted(jobId);
            case REPRINT_USED:
                return new PrintOutcome.ReprintUsed(jobId, e.code);
            default:
                break;
        }
        Optional<PrintFailure.Code> fault = channel(e.job).fault();
        if (fault.isPresent()) {
            return new PrintOutcome.NotReady(jobId, fault.get());
        }
        return attempt(e, true);
    }

    /** The jobs kept for reprint in this session. */
    public synchronized List<HeldJob> held() {
        List<HeldJob> out = new ArrayList<>();
        for (Entry e : jobs.values()) {
            if (e.stage != Stage.PRINTED) {
                out.add(new HeldJob(e.job.id(), e.job.reportNo(), e.code, e.stage == Stage.HELD));
            }
        }
        return out;
    }

    /** The session is over: forget every job and its content. */
    public synchronized void wipe() {
        jobs.values().forEach(e -> e.job.wipe());
        jobs.clear();
    }

    /** The outcome for a platform refusal before rendering, e.g. {@code PRINT_QUOTA_EXCEEDED} on report allocation. */
    public static Optional<PrintOutcome> refusal(String jobId, PlatformException e) {
        if (e instanceof PlatformException.Api api
                && (api.code() == ErrorCode.PRINT_QUOTA_EXCEEDED || api.code() == ErrorCode.RATE_LIMITED)) {
            return Optional.of(new PrintOutcome.Refused(jobId, api.code()));
        }
        return Optional.empty();
    }

    private PrintOutcome attempt(Entry e, boolean isReprint) {
        String id = e.job.id();
        try {
            channel(e.job).print(e.job);
            e.stage = Stage.PRINTED;
            e.code = null;
            jobs.put(id, e);
            log.info("print job {} printed{}", id, isReprint ? " (reprint)" : "");
            tally.printed(e.job instanceof PrintJob.Receipt, isReprint);
            return new PrintOutcome.Printed(id);
        } catch (PrintFailure f) {
            e.code = f.code();
            if (!f.code().heldForReprint()) {
                jobs.remove(id);
                log.error("print job {} failed: {} ({})", id, f.code(), f.getMessage());
                return new PrintOutcome.Failed(id, f.code());
            }
            e.stage = isReprint ? Stage.REPRINT_USED : Stage.HELD;
            jobs.put(id, e);
            log.warn("print job {} {}: printer needs attention: {} ({})", id, isReprint ? "reprint failed" : "held",
                    f.code(), f.getMessage());
            attention.printerNeedsAttention(id, f.code());
            return isReprint ? new PrintOutcome.ReprintUsed(id, f.code()) : new PrintOutcome.Held(id, f.code());
        }
    }

    private PrintChannel channel(PrintJob job) {
        return job instanceof PrintJob.Report ? report : receipt;
    }
}
