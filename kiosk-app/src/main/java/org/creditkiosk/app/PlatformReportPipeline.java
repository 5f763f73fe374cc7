package org.creditkiosk.app;

import java.util.Objects;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.SignedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report flow of DESIGN.md §4: allocate the number (platform) → render and sign in memory → register the
 * SHA-256 (platform) → hand to the sink. Platform refusals the citizen can understand (quota, record changed)
 * become a {@link Failed} outcome with the contract's code; anything else is thrown for the session's error path.
 */
public final class PlatformReportPipeline implements ReportPipeline {

    private static final Logger log = LoggerFactory.getLogger(PlatformReportPipeline.class);

    private final PlatformClient platform;
    private final ReportService reports;
    private final ReportSink sink;

    public PlatformReportPipeline(PlatformClient platform, ReportService reports, ReportSink sink) {
        this.platform = Objects.requireNonNull(platform);
        this.reports = Objects.requireNonNull(reports);
        this.sink = Objects.requireNonNull(sink);
    }

    @Override
    public Outcome print(SessionToken token, CreditRecord record) throws PlatformException {
        long start = System.nanoTime();
        ReportAllocation allocation;
        try {
            allocation = platform.allocateReport(token,
                    new AllocateReportRequest(record.recordId(), record.recordVersion(), AllocateReportRequest.ReportKind.FULL));
        } catch (PlatformException.Api e) {
            if (e.code() == ErrorCode.PRINT_QUOTA_EXCEEDED || e.code() == ErrorCode.RECORD_CHANGED
                    || e.code() == ErrorCode.RATE_LIMITED) {
                return new Failed(e.code().name());
            }
            throw e;
        }
        SignedReport report = reports.render(record, allocation);
        platform.registerReportDigest(token, allocation.reportNo(), report.digest());
        ReportSink.Result result = sink.print(report);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result instanceof ReportSink.Fault f) {
            log.warn("report {} not printed: {} after {} ms", allocation.reportNo(), f.code(), ms);
            return new Failed(f.code());
        }
        log.info("report {} done: {} pages, {} bytes, {} ms", allocation.reportNo(), report.pages(), report.size(), ms);
        return new Printed(allocation.reportNo());
    }
}
