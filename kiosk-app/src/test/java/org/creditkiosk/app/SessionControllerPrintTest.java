package org.creditkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.PrintDesk;
import org.creditkiosk.report.ReportFixtures;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.sign.SigningException;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionTimeouts;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the print flow fails reaches the session as an event. The session's clock never moves here, so the
 * PRINTING timeout cannot fire: whatever leaves PRINTING came through the controller.
 */
class SessionControllerPrintTest {

    private static final IdCardData CARD = new IdCardData(IdCardData.CardType.RESIDENT, "测试人", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "11010519491231002X",
            Optional.empty(), "2015-01-01", "LONG", "SAM-1");
    private static final CreditRecord RECORD = ReportFixtures.named("person-wang.json").record();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));

    /** A platform that opens a session, serves the record and fails the print flow where a test says. */
    private static final class FakePlatform implements PlatformClient {
        volatile PlatformException allocateFails;
        volatile PlatformException registerFails;
        final AtomicInteger registered = new AtomicInteger();

        @Override
        public PlatformSession openSession(OpenSessionRequest request) {
            return new PlatformSession("tok-1", Instant.parse("2026-11-27T04:00:00Z"),
                    new Person("测试人", "110105********002X"), List.of());
        }

        @Override
        public void closeSession(SessionToken token) {
        }

        @Override
        public CreditRecord getOwnRecord(SessionToken token) {
            return RECORD;
        }

        @Override
        public CreditRecord getOrganizationRecord(SessionToken token, String uscc) {
            return RECORD;
        }

        @Override
        public ListSearchPage searchPublicLists(String query, Optional<ListSearchPage.ListKind> list, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReportAllocation allocateReport(SessionToken token, AllocateReportRequest request) throws PlatformException {
            if (allocateFails != null) {
                throw allocateFails;
            }
            return ReportFixtures.allocation(1);
        }

        @Override
        public void registerReportDigest(SessionToken token, String reportNo, ReportDigest digest) throws PlatformException {
            if (registerFails != null) {
                throw registerFails;
            }
            registered.incrementAndGet();
        }

        @Override
        public ReportVerification verifyReport(String reportNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectionTicket fileObjection(SessionToken token, ObjectionRequest request) {
            throw new UnsupportedOperationException();
        }

        // contract 1.1 (issue 15): not part of the report flow this test drives
        @Override
        public List<org.creditkiosk.platform.api.CommitmentTemplate> listCommitmentTemplates(SessionToken token, Optional<String> uscc) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.creditkiosk.platform.api.SignedCommitment signCommitment(SessionToken token,
                org.creditkiosk.platform.api.CommitmentRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerCommitmentDigest(SessionToken token, String commitmentNo, ReportDigest digest) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.creditkiosk.platform.api.ComplaintTicket fileComplaint(SessionToken token,
                org.creditkiosk.platform.api.ComplaintRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private SessionController controller(PlatformClient platform, ReportPipeline pipeline) {
        return new SessionController(new Session(clock, SessionTimeouts.defaults()), platform, pipeline);
    }

    private static PlatformReportPipeline pipeline(PlatformClient platform, ReportService reports) {
        return new PlatformReportPipeline(platform, reports,
                new PrintDesk(PrintChannel.absent("report printer"), PrintChannel.absent("receipt printer"), (job, code) -> { }),
                false);
    }

    /** Signs in, confirms the print, and waits (wall clock) for the session to leave PRINTING. */
    private static SessionView printAndWait(SessionController c) throws InterruptedException {
        List<SessionView> seen = new CopyOnWriteArrayList<>();
        c.addListener(seen::add);
        c.submit(new SessionEvent.CardPlaced(CARD));
        await(() -> c.view().state() == SessionState.SHOWING_RECORD);
        c.submit(new SessionEvent.RequestPrint());
        c.submit(new SessionEvent.ConfirmPrint());
        await(() -> afterPrinting(seen).isPresent());
        return afterPrinting(seen).get();
    }

    private static Optional<SessionView> afterPrinting(List<SessionView> seen) {
        for (int i = 0; i < seen.size() - 1; i++) {
            if (seen.get(i).state() == SessionState.PRINTING) {
                return Optional.of(seen.get(i + 1));
            }
        }
        return Optional.empty();
    }

    @Test
    void aSigningExceptionInsideTheRealPipelineReachesTheSession(@TempDir Path dir) throws Exception {
        FakePlatform platform = new FakePlatform();
        // A hall keystore whose password variable is not set: render lays the report out, then signing throws.
        ReportService reports = new ReportService(ReportSettings.demo(dir).withKeystore(dir.resolve("hall.p12"),
                new ReportSettings.KeystorePassword.FromEnvironment("CREDIT_KIOSK_TEST_NO_SUCH_VARIABLE"), Optional.empty()));
        try (SessionController c = controller(platform, pipeline(platform, reports))) {
            SessionView v = printAndWait(c);
            assertThat(v.state()).isEqualTo(SessionState.SHOWING_RECORD);
            assertThat(v.notice()).contains(Notice.PrintProblem.SIGNING_FAILED);
            assertThat(platform.registered).as("no digest for a report that was never signed").hasValue(0);
        }
    }

    @Test
    void aSigningExceptionThrownByAnyPipelineReachesTheSession() throws Exception {
        try (SessionController c = controller(new FakePlatform(), (token, record) -> {
            throw new SigningException("cannot read keystore hall.p12");
        })) {
            assertThat(printAndWait(c).notice()).contains(Notice.PrintProblem.SIGNING_FAILED);
        }
    }

    @Test
    void anAllocateTimeoutReachesTheSession(@TempDir Path dir) throws Exception {
        FakePlatform platform = new FakePlatform();
        platform.allocateFails = new PlatformException.Transport(PlatformException.Transport.Kind.TIMEOUT, "read timed out", null);
        try (SessionController c = controller(platform, pipeline(platform, new ReportService(ReportSettings.demo(dir))))) {
            SessionView v = printAndWait(c);
            assertThat(v.state()).isEqualTo(SessionState.SHOWING_RECORD);
            assertThat(v.notice()).contains(Notice.PLATFORM_TIMEOUT);
        }
    }

    @Test
    void anExpiredSessionAtDigestRegistrationEndsTheVisit(@TempDir Path dir) throws Exception {
        FakePlatform platform = new FakePlatform();
        platform.registerFails = new PlatformException.Api(401, "SESSION_EXPIRED", "expired", Optional.of("req-9"), Optional.empty());
        try (SessionController c = controller(platform, pipeline(platform, new ReportService(ReportSettings.demo(dir))))) {
            SessionView v = printAndWait(c);
            assertThat(v.state()).isEqualTo(SessionState.NOTICE);
            assertThat(v.notice()).contains(new Notice.PlatformError(ErrorCode.SESSION_EXPIRED));
            assertThat(v.person()).isEmpty();
            assertThat(v.record()).isEmpty();
        }
    }

    @Test
    void anUnexpectedFaultOrErrorInThePipelineReachesTheSession() throws Exception {
        try (SessionController c = controller(new FakePlatform(), (token, record) -> {
            throw new IllegalStateException("a bug");
        })) {
            assertThat(printAndWait(c).notice()).contains(Notice.PrintProblem.PRINT_FAILED);
        }
        // The worker rethrows an Error after telling the session (it must not be swallowed); keep this one from
        // reaching the JVM-wide handler other tests (TestFX) watch.
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (before != null && (!(e instanceof OutOfMemoryError) || !String.valueOf(e.getMessage()).startsWith("test:"))) {
                before.uncaughtException(t, e);
            }
        });
        try {
            try (SessionController c = controller(new FakePlatform(), (token, record) -> {
                throw new OutOfMemoryError("test: rendering ran out of memory");
            })) {
                assertThat(printAndWait(c).notice()).contains(Notice.PrintProblem.PRINT_FAILED);
                Thread.sleep(200); // the worker rethrows after submitting the event
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
