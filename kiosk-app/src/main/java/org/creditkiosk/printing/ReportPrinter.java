package org.creditkiosk.printing;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import org.apache.pdfbox.Loader;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A4 report printer: the operating system's print service (javax.print on CUPS), chosen by its configured queue
 * name, never silently the default printer. The signed PDF is printed from memory with PDFBox's {@link PDFPageable};
 * Java's print job writes its own temporary PostScript file, which it removes after handing it to CUPS (checked by
 * the CUPS test), so no spool file of ours exists to delete.
 *
 * <p>After submission the job is observed where CUPS reports it ({@code lpstat}): the job id is the one that
 * appeared, and the call returns once CUPS lists it as completed. If the queue stops (paper, cover, offline) or the
 * job does not finish in time, the job is cancelled before the typed failure is thrown, so a later reprint can never
 * be followed by the stale original: no duplicates.
 */
public final class ReportPrinter implements Device {

    /** What came out: the CUPS job id when CUPS could be asked, the page count, how long it took. */
    public record Printed(String queue, Optional<String> cupsJobId, int pages, Duration took) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReportPrinter.class);

    private final ReportPrinterSettings settings;
    private final Supplier<PrintService[]> services;
    private final CupsQueue cups;
    private volatile DeviceHealth health = DeviceHealth.disabled();

    public ReportPrinter(ReportPrinterSettings settings) {
        this(settings, () -> PrintServiceLookup.lookupPrintServices(null, null));
    }

    /** @param services the print services to choose from (tests pass their own) */
    ReportPrinter(ReportPrinterSettings settings, Supplier<PrintService[]> services) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.services = Objects.requireNonNull(services, "services");
        this.cups = new CupsQueue(settings.queueName(), settings.commandTimeout());
    }

    public String queueName() {
        return settings.queueName();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.REPORT_PRINTER;
    }

    /** Reads the queue state once; the queue lives in CUPS, so there is nothing else to open. */
    @Override
    public void open() {
        status();
    }

    @Override
    public void close() {
        health = DeviceHealth.disabled();
    }

    /** The health from the last {@link #status()} or {@link #print}: poll {@link #status()} for a fresh one. */
    @Override
    public DeviceHealth health() {
        return health;
    }

    /** The queue's state now (cheap enough for a health poll: two {@code lpstat} calls). */
    public QueueStatus status() {
        Optional<PrintService> svc = service();
        boolean accepting = svc.map(s -> s.getAttribute(PrinterIsAcceptingJobs.class))
                .map(a -> a != PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS).orElse(false);
        Optional<CupsQueue.State> st = svc.isPresent() ? cups.state() : Optional.empty();
        QueueStatus status = new QueueStatus(settings.queueName(), svc.isPresent(), st.map(CupsQueue.State::enabled),
                accepting && st.map(CupsQueue.State::accepting).orElse(true),
                st.map(CupsQueue.State::reasons).orElse(Set.of()), st.map(CupsQueue.State::message).orElse(""));
        updateHealth(status);
        return status;
    }

    private void updateHealth(QueueStatus status) {
        DeviceHealth h = health;
        Optional<PrintFailure.Code> fault = status.fault();
        DeviceState state = fault.isPresent() ? DeviceState.OFFLINE : DeviceState.READY;
        String detail = fault.map(Enum::name).orElse("");
        if (h.state() != state || !h.detail().equals(detail)) {
            health = new DeviceHealth(state, detail, java.time.Instant.now());
            if (fault.isPresent()) {
                log.warn("report printer {}: health {} ({})", settings.queueName(), health, status.describe());
            } else {
                log.info("report printer {}: health {}", settings.queueName(), health);
            }
        }
    }

    /**
     * Prints the PDF and waits until CUPS reports the job completed.
     *
     * @param pdf     the signed report, in memory
     * @param jobName a job title without personal data (e.g. the report number)
     */
    public Printed print(byte[] pdf, String jobName) throws PrintFailure {
        long t0 = System.nanoTime();
        PrintService service = service().orElseThrow(() -> new PrintFailure(PrintFailure.Code.QUEUE_MISSING,
                "print queue '" + settings.queueName() + "' does not exist for this kiosk (check the technician "
                        + "file and lpstat -p; a queue created after the kiosk started needs a restart)"));
        QueueStatus before = status();
        Optional<PrintFailure.Code> fault = before.fault();
        if (fault.isPresent()) {
            throw new PrintFailure(fault.get(), before.describe());
        }
        try (PDDocument doc = load(pdf)) {
            Set<String> known = cups.jobs("all");
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(doc));
            PrintRequestAttributeSet attrs = new HashPrintRequestAttributeSet();
            attrs.add(new JobName(jobName, null));
            attrs.add(MediaSizeName.ISO_A4);
            job.print(attrs);
            Optional<String> jobId = newJob(known);
            if (jobId.isPresent()) {
                awaitCompletion(jobId.get(), t0);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            log.info("report printer {}: job {} printed ({} pages, {} ms)", settings.queueName(),
                    jobId.orElse("?"), doc.getNumberOfPages(), took.toMillis());
            return new Printed(settings.queueName(), jobId, doc.getNumberOfPages(), took);
        } catch (PrinterException e) {
            throw new PrintFailure(PrintFailure.Code.PRINT_FAILED,
                    "print queue " + settings.queueName() + " refused the job: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PrintFailure(PrintFailure.Code.BAD_DOCUMENT, "report PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<PrintService> service() {
        for (PrintService s : services.get()) {
            if (s.getName().equals(settings.queueName())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static PDDocument load(byte[] pdf) throws IOException {
        if (pdf == null || pdf.length < 5) {
            throw new IOException("empty document");
        }
        return Loader.loadPDF(pdf);
    }

    /** The job that appeared since {@code known}: the kiosk is the only submitter on its own queue. */
    private Optional<String> newJob(Set<String> known) {
        Set<String> now = new HashSet<>(cups.jobs("all"));
        now.removeAll(known);
        return now.stream().max((a, b) -> Long.compare(number(a), number(b)));
    }

    private void awaitCompletion(String jobId, long t0) throws PrintFailure {
        long deadline = t0 + settings.jobTimeout().toNanos();
        while (cups.jobs("not-completed").contains(jobId)) {
            QueueStatus st = status();
            Optional<PrintFailure.Code> fault = st.fault();
            if (fault.isPresent()) {
                cups.cancel(jobId);
                log.warn("report printer {}: job {} cancelled: {}", settings.queueName(), jobId, st.describe());
                throw new PrintFailure(fault.get(), "job " + jobId + " stopped: " + st.describe());
            }
            if (System.nanoTime() > deadline) {
                cups.cancel(jobId);
                log.warn("report printer {}: job {} cancelled after {} ms", settings.queueName(), jobId,
                        settings.jobTimeout().toMillis());
                throw new PrintFailure(PrintFailure.Code.TIMEOUT, "job " + jobId + " did not complete within "
                        + settings.jobTimeout().toMillis() + " ms and was cancelled");
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cups.cancel(jobId);
                throw new PrintFailure(PrintFailure.Code.TIMEOUT, "interrupted while waiting for job " + jobId);
            }
        }
    }

    private static long number(String jobId) {
        try {
            return Long.parseLong(jobId.substring(jobId.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
