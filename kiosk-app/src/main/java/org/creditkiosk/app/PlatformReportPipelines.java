package org.creditkiosk.app;

import org.creditkiosk.printing.PrintFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where printer faults that need hall staff are reported (log now; maintenance screen and heartbeat later). */
public final class PlatformReportPipelines {

    private static final Logger log = LoggerFactory.getLogger("org.creditkiosk.printing.attention");

    private PlatformReportPipelines() {
    }

    public static void attention(String jobId, PrintFailure.Code code) {
        log.warn("PRINTER NEEDS ATTENTION: {} (job {} is kept for reprint)", code, jobId);
    }
}
