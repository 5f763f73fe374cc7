package org.creditkiosk.app;

import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import java.time.Instant;
import java.util.function.Consumer;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.report.CommitmentPaper;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.printing.PrintDesk;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.printing.PrintJob;
import org.creditkiosk.printing.PrintOutcome;
import org.creditkiosk.report.ReceiptSlipLayout;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.SignedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report flow of DESIGN.md §4: allocate the number (platform) → render and sign in memory → register the
 * SHA-256 (platform) → print through the session's {@link PrintDesk} → the desk forgets the bytes when the visit ends.
 *
 * <p>No lost print, no duplicate: a job the printer could not finish (paper, cover, offline) stays at the desk; the
 * citizen's next "print" reprints that same report once the printer is fixed, without a new report number, a new
 * platform query or a second count against the daily quota.
 */
public final class PlatformReportPipeline implements ReportPipeline {

    private static final Logger log = LoggerFactory.getLogger(PlatformReportPipeline.class);
    /** {@link PrintJob.Report#id()} starts so; the citizen's reprint is for the A4 report, not the slip. */
    private static final String A4_JOB = "A4:";

    private final PlatformClient platform;
    private final ReportService reports;
    private final PrintDesk desk;
    private final boolean receiptPrinter;
    /** Numbers of the commitments printed in this visit (their A4 jobs share the desk with the reports). */
    private final java.util.Set<String> commitmentNumbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The summary slips of commitments held at the desk, printed after their reprint; gone with the visit. */
    private final java.util.Map<String, org.creditkiosk.device.printer.ReceiptSlip> heldCommitmentSlips =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param receiptPrinter whether a receipt printer is installed: then the 80 mm summary slip follows the A4
     *                       report (best effort: a slip that fails is held for staff, the citizen has the report)
     */
    public PlatformReportPipeline(PlatformClient platform, ReportService reports, PrintDesk desk, boolean receiptPrinter) {
        this.platform = Objects.requireNonNull(platform);
        this.reports = Objects.requireNonNull(reports);
        this.desk = Objects.requireNonNull(desk);
        this.receiptPrinter = receiptPrinter;
    }

    @Override
    public Outcome print(SessionToken token, CreditRecord record) throws PlatformException {
        Optional<PrintDesk.HeldJob> held = desk.held().stream()
                .filter(h -> h.reprintAvailable() && h.jobId().startsWith(A4_JOB))
                // a commitment held at the desk is not this report (issue 15)
                .filter(h -> !commitmentNumbers.contains(h.reportNo())).findFirst();
        if (held.isPresent()) {
            log.info("reprinting held report {} (no new number, no new count)", held.get().reportNo());
            return outcome(held.get().reportNo(), desk.reprint(held.get().jobId()));
        }
        long start = System.nanoTime();
        ReportAllocation allocation;
        try {
            allocation = platform.allocateReport(token,
                    new AllocateReportRequest(record.recordId(), record.recordVersion(), AllocateReportRequest.ReportKind.FULL));
        } catch (PlatformException.Api e) {
            if (e.code() == ErrorCode.PRINT_QUOTA_EXCEEDED || e.code() == ErrorCode.RECORD_CHANGED
                    || e.code() == ErrorCode.RATE_LIMITED) {
                return new Failed(new Notice.PlatformError(e.code()));
            }
            throw e;
        }
        SignedReport report = reports.render(record, allocation);
        platform.registerReportDigest(token, allocation.reportNo(), report.digest());
        Outcome outcome = outcome(allocation.reportNo(), desk.print(new PrintJob.Report(allocation.reportNo(), report.pdf())));
        if (receiptPrinter && outcome instanceof Printed) {
            try {
                PrintOutcome slip = desk.print(new PrintJob.Receipt(allocation.reportNo(), ReceiptSlipLayout.build(record, allocation)));
                log.info("summary slip of report {}: {}", allocation.reportNo(), slip.getClass().getSimpleName());
            } catch (RuntimeException e) {
                // Best effort: the citizen holds the report; a broken slip must not turn it into a failure.
                log.error("summary slip of report {} failed", allocation.reportNo(), e);
            }
        }
        log.info("report {} ({} pages, {} bytes): {} after {} ms", allocation.reportNo(), report.pages(), report.size(),
                outcome, (System.nanoTime() - start) / 1_000_000);
        return outcome;
    }

    private static Outcome outcome(String reportNo, PrintOutcome o) {
        if (o instanceof PrintOutcome.Printed || o instanceof PrintOutcome.AlreadyPrinted) {
            return new Printed(reportNo);
        }
        Optional<PrintFailure.Code> code = Optional.empty();
        if (o instanceof PrintOutcome.Held h) {
            code = Optional.of(h.code());
        } else if (o instanceof PrintOutcome.NotReady n) {
            code = Optional.of(n.code());
        }
        return new Failed(code.map(PlatformReportPipeline::notice).orElse(Notice.PrintProblem.PRINT_FAILED));
    }

    /** The citizen's notice for a printer fault. */
    static Notice.PrintProblem notice(PrintFailure.Code code) {
        return switch (code) {
            case PAPER_OUT -> Notice.PrintProblem.PAPER_OUT;
            case COVER_OPEN -> Notice.PrintProblem.COVER_OPEN;
            default -> code.heldForReprint() ? Notice.PrintProblem.PRINTER_OFFLINE : Notice.PrintProblem.PRINT_FAILED;
        };
    }

    // --- issue 15: credit commitments and complaints -----------------------------------------------------------

    @Override
    public Outcome printCommitment(SessionToken token, CommitmentTemplate template, Optional<String> uscc, byte[] png,
                                   Instant signedAt, CreditRecord subject, Consumer<SignedCommitment> signed)
            throws PlatformException {
        long start = System.nanoTime();
        try {
            SignedCommitment commitment = platform.signCommitment(token, CommitmentRequest.of(template, uscc, png, signedAt));
            signed.accept(commitment);
            commitmentNumbers.add(commitment.commitmentNo());
            Subject s = subject.subject();
            CommitmentPaper paper = new CommitmentPaper(template, commitment, s.kind(), s.name(),
                    s.kind().isOrganization() ? s.uscc().orElse("—") : s.idNumberMasked().orElse("—"), png);
            SignedReport pdf = reports.renderCommitment(paper);
            platform.registerCommitmentDigest(token, commitment.commitmentNo(), pdf.digest());
            Outcome outcome = outcome(commitment.commitmentNo(),
                    desk.print(new PrintJob.Report(commitment.commitmentNo(), pdf.pdf())));
            if (receiptPrinter) {
                var summary = ReceiptSlipLayout.commitment(paper, reports.settings().zone(), reports.settings().issuingOffice());
                if (outcome instanceof Printed) {
                    slip(commitment.commitmentNo(), summary);
                } else {
                    heldCommitmentSlips.put(commitment.commitmentNo(), summary);
                }
            }
            log.info("commitment {} ({} pages, {} bytes): {} after {} ms", commitment.commitmentNo(), pdf.pages(),
                    pdf.size(), outcome, (System.nanoTime() - start) / 1_000_000);
            return outcome;
        } finally {
            // The signature is personal data: the PDF at the desk holds it until the visit ends, nothing else does.
            java.util.Arrays.fill(png, (byte) 0);
        }
    }

    @Override
    public Outcome reprintCommitment(String commitmentNo) {
        Optional<PrintDesk.HeldJob> held = desk.held().stream()
                .filter(h -> h.reprintAvailable() && h.jobId().startsWith(A4_JOB) && h.reportNo().equals(commitmentNo))
                .findFirst();
        if (held.isEmpty()) {
            log.warn("commitment {} is not held for a reprint", commitmentNo);
            return new Failed(Notice.PrintProblem.PRINT_FAILED);
        }
        Outcome outcome = outcome(commitmentNo, desk.reprint(held.get().jobId()));
        log.info("commitment {} reprinted: {}", commitmentNo, outcome);
        var summary = heldCommitmentSlips.get(commitmentNo);
        if (outcome instanceof Printed && summary != null) {
            heldCommitmentSlips.remove(commitmentNo);
            slip(commitmentNo, summary);
        }
        return outcome;
    }

    @Override
    public void printComplaintSlip(ComplaintTicket ticket, ComplaintRequest request) {
        if (receiptPrinter) {
            slip(ticket.ticketNo(), ReceiptSlipLayout.complaint(ticket, request, reports.settings().zone(),
                    reports.settings().issuingOffice()));
        }
    }

    private void slip(String no, org.creditkiosk.device.printer.ReceiptSlip slip) {
        try {
            PrintOutcome o = desk.print(new PrintJob.Receipt(no, slip));
            log.info("slip of {}: {}", no, o.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("slip of {} failed", no, e);
        }
    }

    @Override
    public void wipe() {
        commitmentNumbers.clear();
        heldCommitmentSlips.clear();
        desk.wipe();
    }
}
