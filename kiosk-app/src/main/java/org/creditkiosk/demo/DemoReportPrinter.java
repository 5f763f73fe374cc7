package org.creditkiosk.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.creditkiosk.platform.ReportNumber;
import org.creditkiosk.platform.UntrustedText;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.printing.PrintJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode's A4 printer: "prints" by writing the signed PDF into a folder (named by report number only, atomically:
 * temp file + rename), and can be given a fault (paper out, cover open, offline) from the demo panel or a test, so the
 * kiosk's handling of a printer that stops mid-visit can be seen and tested without hardware. Never used outside
 * demo mode: a real kiosk writes no report to disk.
 */
public final class DemoReportPrinter implements PrintChannel {

    private static final Logger log = LoggerFactory.getLogger(DemoReportPrinter.class);
    /** The job name of the technician's test page (remote PRINT_TEST_PAGE, maintenance screen). */
    static final String TEST_PAGE = "TEST-PAGE";

    private final Path dir;
    private final AtomicReference<Optional<PrintFailure.Code>> fault = new AtomicReference<>(Optional.empty());
    private final AtomicReference<String> lastReportNo = new AtomicReference<>();

    public DemoReportPrinter(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Sets (or with empty, clears) the printer's fault. */
    public void setFault(Optional<PrintFailure.Code> code) {
        fault.set(code);
        log.info("demo A4 printer fault: {}", code.map(Enum::name).orElse("none"));
    }

    /** The number of the last report that came out, for the demo's "scan the report's code" button. */
    public Optional<String> lastReportNo() {
        return Optional.ofNullable(lastReportNo.get());
    }

    @Override
    public void print(PrintJob job) throws PrintFailure {
        if (!(job instanceof PrintJob.Report r)) {
            throw new IllegalArgumentException(job + " is not an A4 report");
        }
        Optional<PrintFailure.Code> f = fault.get();
        if (f.isPresent()) {
            throw new PrintFailure(f.get(), "demo A4 printer: " + f.get());
        }
        // The report number names the file: only the platform's form (or the test page) can, never a path.
        if (!ReportNumber.isValid(r.reportNo()) && !TEST_PAGE.equals(r.reportNo())) {
            throw new PrintFailure(PrintFailure.Code.BAD_DOCUMENT, "demo A4 printer: '"
                    + UntrustedText.forLog(r.reportNo(), 40) + "' is not a report number of the form " + ReportNumber.FORM);
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-", ".pdf.tmp");
            Files.write(tmp, r.pdf());
            Path target = dir.resolve(r.reportNo() + ".pdf");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            lastReportNo.set(r.reportNo());
            log.info("demo report {} written to {}", r.reportNo(), target);
        } catch (IOException e) {
            throw new PrintFailure(PrintFailure.Code.PRINT_FAILED, "cannot write demo report to " + dir + ": " + e, e);
        }
    }

    @Override
    public Optional<PrintFailure.Code> fault() {
        return fault.get();
    }
}
