package org.creditkiosk.app;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.Consumer;
import org.creditkiosk.device.idcard.IdCardEvent;
import org.creditkiosk.device.idcard.IdCardOutcome;
import org.creditkiosk.device.scanner.ScanEvent;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.scan.ScannedCode;
import org.creditkiosk.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way from the devices to the session: what the ID card reader reports, what a serial scanner reads and
 * what a keyboard-wedge scanner types all become session events here, and nowhere else. A card's data goes to the
 * session only; a scanned text is classified (app code, report code, anything else) and never logged.
 */
public final class DeviceIntake {

    private static final Logger log = LoggerFactory.getLogger(DeviceIntake.class);

    private final String verifyHost;
    private final Consumer<SessionEvent> session;
    private final AtomicReference<CompletableFuture<String>> cardTest = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<String>> codeTest = new AtomicReference<>();

    /**
     * @param verifyHost the host of the platform's report verification URLs (a code pointing elsewhere is foreign)
     * @param session    where the events go (the session controller's {@code submit})
     */
    public DeviceIntake(String verifyHost, Consumer<SessionEvent> session) {
        this.verifyHost = Objects.requireNonNull(verifyHost);
        this.session = Objects.requireNonNull(session);
    }

    /**
     * The technician's card test (maintenance screen): the next card placed is answered here with its masked number
     * instead of going to the session; its data is not kept. A read failure answers the test too.
     */
    public CompletableFuture<String> nextCardForTest() {
        CompletableFuture<String> test = new CompletableFuture<>();
        CompletableFuture<String> before = cardTest.getAndSet(test);
        if (before != null) {
            before.cancel(false);
        }
        return test;
    }

    /** The technician's scan test: the next code scanned is described here (kind and length) and not acted on. */
    public CompletableFuture<String> nextCodeForTest() {
        CompletableFuture<String> test = new CompletableFuture<>();
        CompletableFuture<String> before = codeTest.getAndSet(test);
        if (before != null) {
            before.cancel(false);
        }
        return test;
    }

    private static boolean answer(AtomicReference<CompletableFuture<String>> test, Supplier<String> line) {
        CompletableFuture<String> t = test.getAndSet(null);
        return t != null && t.complete(line.get());
    }

    /** An event of the ID card reader. */
    public void card(IdCardEvent e) {
        if (e instanceof IdCardEvent.CardPlaced p && answer(cardTest, () -> p.card().maskedIdNumber())) {
            log.info("maintenance card test: read {}", p.card().maskedIdNumber());
            return;
        }
        if (e instanceof IdCardEvent.ReadFailed f && answer(cardTest, () -> "✗ " + f.outcome().getClass().getSimpleName())) {
            log.info("maintenance card test: read failed: {}", f.outcome().getClass().getSimpleName());
            return;
        }
        if (e instanceof IdCardEvent.CardPlaced p) {
            session.accept(new SessionEvent.CardPlaced(IdCardDataMapper.toContract(p.card(), p.samId())));
        } else if (e instanceof IdCardEvent.CardRemoved) {
            session.accept(new SessionEvent.CardRemoved());
        } else if (e instanceof IdCardEvent.ReadFailed f && aboutTheCard(f.outcome())) {
            session.accept(new SessionEvent.CardReadFailed(Notice.CardProblem.CARD_UNREADABLE));
        }
        // Other outcomes (no answer, checksum, lost link, SAM faults) are the reader's trouble, not the citizen's:
        // the driver logs them and its health says so; DeviceWatch turns that into the attract screen's notice.
    }

    /** An event of a serial scanner: codes are classified; rejected input is only logged (no citizen waits for it). */
    public void scan(ScanEvent e) {
        if (e instanceof ScanEvent.Scanned s) {
            code(s.text());
        } else if (e instanceof ScanEvent.Rejected r) {
            log.info("scanner input rejected: {}", r.reason());
        }
    }

    /** A code read by any scanner (the keyboard-wedge filter calls this directly). */
    public void code(String text) {
        ScannedCode code = ScannedCode.classify(text, verifyHost);
        if (answer(codeTest, () -> describe(code, text))) {
            log.info("maintenance scan test: {}", describe(code, text));
            return;
        }
        if (code instanceof ScannedCode.AppCode app) {
            log.info("scanned an app code");
            session.accept(new SessionEvent.AppCodeScanned(app.payload()));
        } else if (code instanceof ScannedCode.ReportCode report) {
            log.info("scanned the code of report {}", report.reportNo());
            session.accept(new SessionEvent.ReportCodeScanned(report.reportNo()));
        } else if (code instanceof ScannedCode.Malformed m) {
            log.info("scanned a malformed code: {}", m.reason());
            session.accept(new SessionEvent.CodeRejected(Notice.CodeProblem.QR_MALFORMED));
        } else {
            log.info("scanned a code that is neither an app code nor a report code ({} chars)", text.length());
            session.accept(new SessionEvent.CodeRejected(Notice.CodeProblem.QR_UNKNOWN));
        }
    }

    /**
     * What a scan test shows: the kind of code and its length; a report code's number (not personal); never an app
     * code's payload (it signs a citizen in), nor more than the start of a foreign text.
     */
    static String describe(ScannedCode code, String text) {
        if (code instanceof ScannedCode.AppCode) {
            return "app code (" + text.length() + " characters)";
        }
        if (code instanceof ScannedCode.ReportCode report) {
            return "report code " + report.reportNo();
        }
        if (code instanceof ScannedCode.Malformed m) {
            return "malformed code (" + m.reason() + ")";
        }
        String start = text.codePointCount(0, text.length()) > 24
                ? text.substring(0, text.offsetByCodePoints(0, 24)) + "…" : text;
        return "other code, " + text.length() + " characters: " + start.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Outcomes a citizen can act on (lay the card flat, keep it still, use another card): the card was there but
     * could not be read. GA/T 467 SW3: 31–33 authentication, 40 unknown card type, 41 card moved, 47 random
     * number, 81 select failed; plus a bad check character or unreadable text.
     */
    static boolean aboutTheCard(IdCardOutcome o) {
        if (o instanceof IdCardOutcome.Refused r) {
            int sw3 = r.sw3() & 0xFF;
            return sw3 == 0x31 || sw3 == 0x32 || sw3 == 0x33 || sw3 == 0x40 || sw3 == 0x41 || sw3 == 0x47 || sw3 == 0x81;
        }
        return o instanceof IdCardOutcome.InvalidIdNumber || o instanceof IdCardOutcome.UnreadableText;
    }
}
