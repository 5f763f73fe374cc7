package org.creditkiosk.app;

import java.util.Objects;
import java.util.function.Consumer;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.scan.ScannedCode;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a scanned code goes, whichever scanner read it (serial or keyboard wedge): an app code signs the citizen
 * in, a report code is verified, anything else gets a clear notice. The scanned text is never logged.
 */
public final class ScanRouter implements Consumer<String> {

    private static final Logger log = LoggerFactory.getLogger(ScanRouter.class);

    private final String verifyHost;
    private final Consumer<SessionEvent> events;

    public ScanRouter(String verifyHost, Consumer<SessionEvent> events) {
        this.verifyHost = Objects.requireNonNull(verifyHost);
        this.events = Objects.requireNonNull(events);
    }

    @Override
    public void accept(String text) {
        ScannedCode code = ScannedCode.classify(text, verifyHost);
        if (code instanceof ScannedCode.AppCode app) {
            log.info("scanned an app code");
            events.accept(new SessionEvent.AppCodeScanned(app.payload()));
        } else if (code instanceof ScannedCode.ReportCode report) {
            log.info("scanned the code of report {}", report.reportNo());
            events.accept(new SessionEvent.ReportCodeScanned(report.reportNo()));
        } else if (code instanceof ScannedCode.Malformed m) {
            log.info("scanned a malformed code: {}", m.reason());
            events.accept(new SessionEvent.CodeRejected(Notice.CodeProblem.QR_MALFORMED));
        } else {
            log.info("scanned a code that is neither an app code nor a report code ({} chars)", text.length());
            events.accept(new SessionEvent.CodeRejected(Notice.CodeProblem.QR_UNKNOWN));
        }
    }
}
