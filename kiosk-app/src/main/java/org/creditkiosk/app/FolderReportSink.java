package org.creditkiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.creditkiosk.report.SignedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode without a report printer: the signed PDF is written to a folder, named by report number only (no
 * personal data in the file name), atomically (temp file + rename) so a reader never sees half a file.
 */
public final class FolderReportSink implements ReportSink {

    private static final Logger log = LoggerFactory.getLogger(FolderReportSink.class);
    private final Path dir;

    public FolderReportSink(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Result print(SignedReport report) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-", ".pdf.tmp");
            Files.write(tmp, report.pdf());
            Path target = dir.resolve(report.reportNo() + ".pdf");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("demo report {} written to {} ({} pages, {} bytes)", report.reportNo(), target, report.pages(), report.size());
            return new Done();
        } catch (IOException e) {
            log.error("cannot write demo report {} to {}: {}", report.reportNo(), dir, e.toString());
            return new Fault("PRINT_FAILED");
        }
    }
}
