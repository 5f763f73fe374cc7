package org.creditkiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.Representation;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.platform.api.SubjectKind;
import org.creditkiosk.session.SessionCommand.CloseSession;
import org.creditkiosk.session.SessionCommand.FileObjection;
import org.creditkiosk.session.SessionCommand.LoadRecord;
import org.creditkiosk.session.SessionCommand.OpenSession;
import org.creditkiosk.session.SessionCommand.PrintReport;
import org.creditkiosk.session.SessionCommand.ProbeService;
import org.creditkiosk.session.SessionCommand.VerifyReport;
import org.creditkiosk.session.SessionCommand.WipeCitizenData;
import org.creditkiosk.session.SessionEvent.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTest {

    private static final IdCardData CARD = new IdCardData(IdCardData.CardType.RESIDENT, "测试人", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "11010519491231002X",
            Optional.empty(), "2015-01-01", "LONG", "SAM-1");
    private static final PlatformSession PERSON = new PlatformSession("tok-1", Instant.parse("2026-11-27T04:00:00Z"),
            new Person("测试人", "110105********002X"), List.of());
    private static final PlatformSession REPRESENTATIVE = new PlatformSession("tok-2", Instant.parse("2026-11-27T04:00:00Z"),
            new Person("测试人", "110105********002X"),
            List.of(new Representation("914403001922038216", "某公司", SubjectKind.ENTERPRISE,
                    Representation.Role.LEGAL_REPRESENTATIVE)));
    private static final CreditRecord RECORD = new CreditRecord("R1", 1L, Instant.parse("2026-11-27T03:00:00Z"),
            Optional.empty(), new Subject(SubjectKind.PERSON, "测试人", Optional.of("110105********002X"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(), null, null, null, null, null, null, null, null, Optional.empty());

    private static final ReportVerification VERIFIED = new ReportVerification("YLXY-20261127-0001-000001",
            ReportVerification.Status.VALID, Optional.empty(), Optional.of(3), Optional.empty(), Optional.of("赵**"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
    private final SessionTimeouts timeouts = SessionTimeouts.defaults();
    private final Session session = new Session(clock, timeouts);

    private static PlatformException.Api api(int status, String code) {
        return new PlatformException.Api(status, code, "test", Optional.of("req-1"), Optional.empty());
    }

    private List<SessionCommand> on(SessionEvent e) {
        return session.handle(e);
    }

    private void toRecord() {
        assertThat(on(new CardPlaced(CARD))).singleElement().isInstanceOf(OpenSession.class);
        assertThat(on(new SessionOpened(session.visit(), PERSON))).singleElement()
                .isInstanceOfSatisfying(LoadRecord.class, l -> assertThat(l.uscc()).isEmpty());
        assertThat(on(new RecordLoaded(session.visit(), RECORD))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    private void timeOut() {
        clock.advance(timeouts.of(session.state()).plusMillis(1));
    }

    private static void assertClosesAndWipes(List<SessionCommand> cmds) {
        assertThat(cmds).hasAtLeastOneElementOfType(CloseSession.class).hasAtLeastOneElementOfType(WipeCitizenData.class);
    }

    private void assertNoCitizenData() {
        SessionView v = session.view();
        assertThat(v.person()).isEmpty();
        assertThat(v.record()).isEmpty();
        assertThat(v.represents()).isEmpty();
        assertThat(v.objectionItemId()).isEmpty();
        assertThat(v.objectionTicket()).isEmpty();
    }

    @Test
    void wholeVisitByCardWithPrint() {
        toRecord();
        assertThat(session.view().person()).get().extracting(Person::idNumberMasked).isEqualTo("110105********002X");
        assertThat(on(new RequestPrint())).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.CONFIRMING_PRINT);
        assertThat(on(new ConfirmPrint())).singleElement().isInstanceOf(PrintReport.class);
        assertThat(session.state()).isEqualTo(SessionState.PRINTING);
        List<SessionCommand> end = on(new PrintFinished(session.visit(), "YLXY-20261127-0001-000001"));
        assertClosesAndWipes(end);
        assertThat(session.state()).isEqualTo(SessionState.FAREWELL);
        assertThat(session.view().reportNo()).contains("YLXY-20261127-0001-000001");
        assertNoCitizenData();
        timeOut();
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().reportNo()).isEmpty();
    }

    @Test
    void appCodeOpensASessionAndIgnoresCardRemoval() {
        assertThat(on(new AppCodeScanned("XYYL1.abc"))).singleElement()
                .isInstanceOfSatisfying(OpenSession.class, o -> assertThat(o.request().qrPayload()).contains("XYYL1.abc"));
        on(new SessionOpened(session.visit(), PERSON));
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(on(new CardRemoved())).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    @Test
    void representativeChoosesOrganisationAndGoesBack() {
        on(new CardPlaced(CARD));
        assertThat(on(new SessionOpened(session.visit(), REPRESENTATIVE))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.CHOOSING_SUBJECT);
        assertThat(session.view().represents()).hasSize(1);
        assertThat(on(new ChooseOrganization("914403001922038216"))).singleElement()
                .isInstanceOfSatisfying(LoadRecord.class, l -> assertThat(l.uscc()).contains("914403001922038216"));
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(session.view().chosenUscc()).contains("914403001922038216");
        on(new BackToChoice());
        assertThat(session.state()).isEqualTo(SessionState.CHOOSING_SUBJECT);
        assertThat(session.view().record()).isEmpty();
        assertThat(on(new ChooseOwnRecord())).singleElement().isInstanceOf(LoadRecord.class);
        assertThat(session.state()).isEqualTo(SessionState.LOADING_RECORD);
    }

    @Test
    void organisationRefusedReturnsToChoiceWithNotice() {
        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), REPRESENTATIVE));
        on(new ChooseOrganization("914403001922038216"));
        assertThat(on(new PlatformFailed(session.visit(), "getOrganizationRecord", api(403, "NOT_AUTHORIZED")))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.CHOOSING_SUBJECT);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.NOT_AUTHORIZED));
        assertThat(session.view().person()).isPresent();
    }

    @Test
    void authenticationFailureShowsNoticeThenAttract() {
        on(new CardPlaced(CARD));
        List<SessionCommand> cmds = on(new PlatformFailed(session.visit(), "openSession", api(403, "CARD_REVOKED")));
        assertThat(cmds).singleElement().isInstanceOf(WipeCitizenData.class);
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.CARD_REVOKED));
        on(new Finish());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().notice()).isEmpty();
    }

    @Test
    void transportFailureAndProtocolErrorBecomeNotices() {
        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), PERSON));
        on(new PlatformFailed(session.visit(), "getOwnRecord",
                new PlatformException.Transport(PlatformException.Transport.Kind.TIMEOUT, "slow", null)));
        assertThat(session.view().notice()).contains(Notice.PLATFORM_TIMEOUT);
        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), PERSON));
        List<SessionCommand> cmds = on(new PlatformFailed(session.visit(), "getOwnRecord",
                new PlatformException.Protocol("missing recordId", null)));
        assertClosesAndWipes(cmds);
        assertThat(session.view().notice()).contains(Notice.PROTOCOL);
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
    }

    @Test
    void cardRemovalEndsTheVisitInEveryCitizenState() {
        toRecord();
        assertClosesAndWipes(on(new CardRemoved()));
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertNoCitizenData();

        on(new CardPlaced(CARD));
        assertThat(on(new CardRemoved())).singleElement().isInstanceOf(WipeCitizenData.class);
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);

        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), REPRESENTATIVE));
        assertClosesAndWipes(on(new CardRemoved()));

        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), PERSON));
        assertClosesAndWipes(on(new CardRemoved()));

        toRecord();
        on(new RequestPrint());
        assertClosesAndWipes(on(new CardRemoved()));

        toRecord();
        on(new RequestPrint());
        on(new ConfirmPrint());
        assertClosesAndWipes(on(new CardRemoved()));
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);

        toRecord();
        on(new StartObjection("P1"));
        assertClosesAndWipes(on(new CardRemoved()));
        assertNoCitizenData();
    }

    @Test
    void lateAnswersOfAnEndedVisitAreDroppedAndALateSessionIsClosed() {
        on(new CardPlaced(CARD));
        long first = session.visit();
        on(new CardRemoved());
        assertThat(on(new SessionOpened(first, PERSON))).singleElement().isInstanceOf(CloseSession.class);
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        toRecord();
        assertThat(on(new RecordLoaded(first, RECORD))).isEmpty();
        assertThat(on(new PlatformFailed(first, "x", api(500, "INTERNAL")))).isEmpty();
        assertThat(on(new PrintFinished(first, "X"))).isEmpty();
        assertThat(on(new PrintFailed(first, Notice.PrintProblem.PAPER_OUT))).isEmpty();
        assertThat(on(new ObjectionFiled(first, new ObjectionTicket("T", "P1", ObjectionTicket.Status.RECEIVED,
                Optional.empty(), Optional.empty())))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    @Test
    void printConfirmationCanBeLeftAndPrintFailureKeepsTheSession() {
        toRecord();
        on(new RequestPrint());
        on(new BackToRecord());
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        on(new RequestPrint());
        on(new ConfirmPrint());
        assertThat(on(new PrintFailed(session.visit(), Notice.PrintProblem.PAPER_OUT))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        assertThat(session.view().notice()).contains(Notice.PrintProblem.PAPER_OUT);
        assertThat(session.view().record()).isPresent();
        on(new RequestPrint());
        assertThat(session.view().notice()).isEmpty();
        on(new Finish());
        assertThat(session.state()).isEqualTo(SessionState.FAREWELL);
    }

    @Test
    void recordChangedWhilePrintingReloadsTheRecord() {
        toRecord();
        on(new RequestPrint());
        on(new ConfirmPrint());
        assertThat(on(new PrintFailed(session.visit(), new Notice.PlatformError(ErrorCode.RECORD_CHANGED)))).singleElement()
                .isInstanceOf(LoadRecord.class);
        assertThat(session.state()).isEqualTo(SessionState.LOADING_RECORD);
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.RECORD_CHANGED));
    }

    @Test
    void recordChangedReportedByAPlatformCallOfThePrintFlowAlsoReloadsTheRecord() {
        toRecord();
        on(new RequestPrint());
        on(new ConfirmPrint());
        assertThat(on(new PlatformFailed(session.visit(), "printReport", api(409, "RECORD_CHANGED")))).singleElement()
                .isInstanceOf(LoadRecord.class);
        assertThat(session.state()).isEqualTo(SessionState.LOADING_RECORD);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.RECORD_CHANGED));
    }

    /** How the print flow can fail, what the citizen sees next, and whether the visit is over. */
    static Stream<Arguments> printFlowFailures() {
        Function<Long, SessionEvent> allocateTimeout = v -> new PlatformFailed(v, "printReport",
                new PlatformException.Transport(PlatformException.Transport.Kind.TIMEOUT, "allocateReport: read timed out", null));
        Function<Long, SessionEvent> sessionExpired = v -> new PlatformFailed(v, "printReport", api(401, "SESSION_EXPIRED"));
        Function<Long, SessionEvent> signingError = v -> new PrintFailed(v, Notice.PrintProblem.SIGNING_FAILED);
        Function<Long, SessionEvent> digestRefused = v -> new PlatformFailed(v, "printReport", api(409, "DIGEST_MISMATCH"));
        Function<Long, SessionEvent> digestUnreachable = v -> new PlatformFailed(v, "printReport",
                new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE, "registerReportDigest: reset", null));
        Function<Long, SessionEvent> kioskRefused = v -> new PlatformFailed(v, "printReport", api(401, "BAD_SIGNATURE"));
        Function<Long, SessionEvent> unexpected = v -> new PrintFailed(v, Notice.PrintProblem.PRINT_FAILED);
        return Stream.of(
                Arguments.of("allocate timeout", allocateTimeout, SessionState.SHOWING_RECORD, Notice.PLATFORM_TIMEOUT, false),
                Arguments.of("session expired", sessionExpired, SessionState.NOTICE,
                        new Notice.PlatformError(ErrorCode.SESSION_EXPIRED), true),
                Arguments.of("signing error", signingError, SessionState.SHOWING_RECORD, Notice.PrintProblem.SIGNING_FAILED, false),
                Arguments.of("digest registration refused", digestRefused, SessionState.SHOWING_RECORD,
                        new Notice.PlatformError(ErrorCode.DIGEST_MISMATCH), false),
                Arguments.of("digest registration unreachable", digestUnreachable, SessionState.SHOWING_RECORD,
                        new Notice.PlatformTransport(PlatformException.Transport.Kind.UNREACHABLE), false),
                Arguments.of("kiosk refused by the platform", kioskRefused, SessionState.NOTICE,
                        new Notice.PlatformError(ErrorCode.BAD_SIGNATURE), true),
                Arguments.of("unexpected fault", unexpected, SessionState.SHOWING_RECORD, Notice.PrintProblem.PRINT_FAILED, false));
    }

    @ParameterizedTest(name = "{0} ends PRINTING at once")
    @MethodSource("printFlowFailures")
    void aFailedPrintFlowIsExplainedAtOnceNotAtThePrintingTimeout(String what, Function<Long, SessionEvent> failure,
            SessionState next, Notice notice, boolean visitEnds) {
        toRecord();
        on(new RequestPrint());
        on(new ConfirmPrint());
        Instant printingSince = clock.instant();
        clock.advance(Duration.ofMillis(400));
        List<SessionCommand> cmds = on(failure.apply(session.visit()));
        clock.advance(Duration.ofMillis(400));
        on(new Tick());
        assertThat(Duration.between(printingSince, clock.instant())).isLessThan(Duration.ofSeconds(1))
                .isLessThan(timeouts.of(SessionState.PRINTING));
        assertThat(session.state()).as(what).isEqualTo(next);
        assertThat(session.view().notice()).as(what).contains(notice);
        if (visitEnds) {
            assertClosesAndWipes(cmds);
            assertNoCitizenData();
        } else {
            assertThat(cmds).isEmpty();
            assertThat(session.view().record()).as("the record stays on screen").isPresent();
            on(new RequestPrint());
            assertThat(session.state()).as("the citizen may ask again").isEqualTo(SessionState.CONFIRMING_PRINT);
        }
    }

    @Test
    void objectionIsFiledAndTicketShown() {
        toRecord();
        on(new StartObjection("P1"));
        assertThat(session.state()).isEqualTo(SessionState.OBJECTING);
        assertThat(session.view().objectionItemId()).contains("P1");
        ObjectionRequest req = new ObjectionRequest("P1", Optional.empty(), "该处罚已于去年撤销", "13800000000");
        assertThat(on(new SubmitObjection(req))).singleElement().isInstanceOf(FileObjection.class);
        on(new PlatformFailed(session.visit(), "fileObjection", api(409, "OBJECTION_OPEN")));
        assertThat(session.state()).isEqualTo(SessionState.OBJECTING);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.OBJECTION_OPEN));
        on(new SubmitObjection(req));
        ObjectionTicket ticket = new ObjectionTicket("YY-1", "P1", ObjectionTicket.Status.RECEIVED,
                Optional.of(LocalDate.of(2026, 11, 27)), Optional.of(LocalDate.of(2026, 12, 11)));
        on(new ObjectionFiled(session.visit(), ticket));
        assertThat(session.view().objectionTicket()).contains(ticket);
        assertThat(on(new SubmitObjection(req))).as("no second filing once a ticket is shown").isEmpty();
        on(new BackToRecord());
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        assertThat(session.view().objectionTicket()).isEmpty();
        on(new StartObjection("P1"));
        assertClosesAndWipes(on(new PlatformFailed(session.visit(), "fileObjection", api(401, "SESSION_EXPIRED"))));
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
    }

    @Test
    void aRefusalThatTakesTheKioskOutOfServiceEndsAnObjectionVisit() {
        toRecord();
        on(new StartObjection("P1"));
        on(new SubmitObjection(new ObjectionRequest("P1", Optional.empty(), "该处罚已于去年撤销", "13800000000")));
        assertClosesAndWipes(on(new PlatformFailed(session.visit(), "fileObjection", api(403, "KIOSK_DISABLED"))));
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.KIOSK_DISABLED));
        assertNoCitizenData();
    }

    @Test
    void reportCodeIsVerifiedWithoutASessionAndOtherCodesAreExplained() {
        assertThat(on(new ReportCodeScanned("YLXY-20261127-0001-000001"))).singleElement()
                .isInstanceOfSatisfying(VerifyReport.class, v -> assertThat(v.reportNo()).isEqualTo("YLXY-20261127-0001-000001"));
        assertThat(session.state()).isEqualTo(SessionState.VERIFYING);
        assertThat(on(new ReportVerified(session.visit() - 1, VERIFIED))).as("stale").isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.VERIFYING);
        on(new ReportVerified(session.visit(), VERIFIED));
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_VERIFICATION);
        assertThat(session.view().verification()).contains(VERIFIED);
        assertThat(session.view().person()).isEmpty();
        // a citizen may start a visit straight from the verification screen
        assertThat(on(new CardPlaced(CARD))).singleElement().isInstanceOf(OpenSession.class);
        assertThat(session.view().verification()).isEmpty();
        on(new CardRemoved());

        on(new ReportCodeScanned("YLXY-20261127-0001-000002"));
        on(new PlatformFailed(session.visit(), "verifyReport",
                new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE, "down", null)));
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
        assertThat(session.view().notice()).contains(new Notice.PlatformTransport(PlatformException.Transport.Kind.UNREACHABLE));

        on(new CodeRejected(Notice.CodeProblem.QR_UNKNOWN));
        assertThat(session.view().notice()).contains(Notice.CodeProblem.QR_UNKNOWN);
        toRecord();
        assertThat(on(new CodeRejected(Notice.CodeProblem.QR_UNKNOWN))).isEmpty();
        assertThat(on(new ReportCodeScanned("X"))).as("no verification in the middle of a visit").isEmpty();
        assertThat(on(new AppCodeScanned("XYYL1.abc"))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    @Test
    void deviceAvailabilityIsKeptInTheViewInEveryState() {
        on(new DeviceAvailability(DeviceKind.ID_CARD_READER, false));
        assertThat(session.view().unavailableDevices()).containsExactly(DeviceKind.ID_CARD_READER);
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        toRecord();
        assertThat(session.view().unavailableDevices()).containsExactly(DeviceKind.ID_CARD_READER);
        on(new DeviceAvailability(DeviceKind.ID_CARD_READER, true));
        assertThat(session.view().unavailableDevices()).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    @Test
    void unreadableCardShowsNotice() {
        on(new CardReadFailed(Notice.CardProblem.CARD_UNREADABLE));
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
        assertThat(session.view().notice()).contains(Notice.CardProblem.CARD_UNREADABLE);
    }

    @Test
    void userActivityPostponesTheIdleTimeout() {
        toRecord();
        clock.advance(timeouts.of(SessionState.SHOWING_RECORD).minusSeconds(1));
        on(new UserActivity());
        clock.advance(Duration.ofSeconds(2));
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        assertThat(session.view().endedIdle()).isFalse();
        timeOut();
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().endedIdle()).as("the visit ended by its idle timeout (usage: idleTimeouts)").isTrue();
        on(new CardPlaced(CARD));
        assertThat(session.view().endedIdle()).as("until the next visit starts").isFalse();
        on(new CardRemoved());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().endedIdle()).as("a lifted card is no idle timeout").isFalse();
    }

    @Test
    void outOfServiceWaitsForTheVisitToEndAndProbesUntilBack() {
        toRecord();
        on(new GoOutOfService(Notice.OutOfService.PLATFORM_DOWN));
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        on(new Finish());
        assertThat(session.state()).isEqualTo(SessionState.FAREWELL);
        timeOut();
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.OUT_OF_SERVICE);
        assertThat(session.view().outOfServiceReason()).contains(Notice.OutOfService.PLATFORM_DOWN);
        assertThat(on(new CardPlaced(CARD))).as("no service while out of service").isEmpty();
        timeOut();
        assertThat(on(new Tick())).singleElement().isInstanceOf(ProbeService.class);
        on(new BackInService(Notice.OutOfService.PLATFORM_DOWN));
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().outOfServiceReason()).isEmpty();
    }

    @Test
    void eachOutOfServiceCauseIsLiftedOnItsOwn() {
        on(new GoOutOfService(Notice.OutOfService.REMOTE_ORDER));
        on(new GoOutOfService(Notice.OutOfService.PLATFORM_DOWN));
        on(new BackInService(Notice.OutOfService.PLATFORM_DOWN));
        assertThat(session.state()).as("the administrators' order still stands").isEqualTo(SessionState.OUT_OF_SERVICE);
        on(new BackInService(Notice.OutOfService.REMOTE_ORDER));
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
    }

    @Test
    void maintenanceEndsAVisitAndReturnsToTheRightState() {
        toRecord();
        assertClosesAndWipes(on(new EnterMaintenance()));
        assertThat(session.state()).isEqualTo(SessionState.MAINTENANCE);
        assertNoCitizenData();
        on(new LeaveMaintenance());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        on(new EnterMaintenance());
        on(new GoOutOfService(Notice.OutOfService.REMOTE_ORDER));
        assertThat(session.state()).isEqualTo(SessionState.MAINTENANCE);
        timeOut();
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.OUT_OF_SERVICE);
    }

    static Stream<Arguments> timeouts() {
        return Stream.of(
                Arguments.of(SessionState.ATTRACT, SessionState.ATTRACT, null),
                Arguments.of(SessionState.AUTHENTICATING, SessionState.NOTICE, Notice.PLATFORM_TIMEOUT),
                Arguments.of(SessionState.CHOOSING_SUBJECT, SessionState.ATTRACT, null),
                Arguments.of(SessionState.LOADING_RECORD, SessionState.NOTICE, Notice.PLATFORM_TIMEOUT),
                Arguments.of(SessionState.SHOWING_RECORD, SessionState.ATTRACT, null),
                Arguments.of(SessionState.OBJECTING, SessionState.ATTRACT, null),
                Arguments.of(SessionState.CONFIRMING_PRINT, SessionState.ATTRACT, null),
                Arguments.of(SessionState.PRINTING, SessionState.SHOWING_RECORD, Notice.PrintProblem.PRINT_FAILED),
                Arguments.of(SessionState.FAREWELL, SessionState.ATTRACT, null),
                Arguments.of(SessionState.NOTICE, SessionState.ATTRACT, null),
                Arguments.of(SessionState.VERIFYING, SessionState.NOTICE, Notice.PLATFORM_TIMEOUT),
                Arguments.of(SessionState.SHOWING_VERIFICATION, SessionState.ATTRACT, null),
                Arguments.of(SessionState.OUT_OF_SERVICE, SessionState.OUT_OF_SERVICE, null),
                Arguments.of(SessionState.MAINTENANCE, SessionState.ATTRACT, null));
    }

    @ParameterizedTest(name = "{0} times out to {1}")
    @MethodSource("timeouts")
    void everyStateTimesOut(SessionState from, SessionState to, Notice notice) {
        reach(from);
        assertThat(session.state()).isEqualTo(from);
        clock.advance(timeouts.of(from).minusMillis(1));
        on(new Tick());
        assertThat(session.state()).as("not before its deadline").isEqualTo(from);
        clock.advance(Duration.ofMillis(2));
        List<SessionCommand> cmds = on(new Tick());
        assertThat(session.state()).isEqualTo(to);
        if (notice != null) {
            assertThat(session.view().notice()).contains(notice);
        }
        if (from.inSession() && to != SessionState.SHOWING_RECORD) {
            assertThat(cmds).hasAtLeastOneElementOfType(WipeCitizenData.class);
            assertThat(session.view().person()).isEmpty();
            assertThat(session.view().record()).isEmpty();
        }
        // the new state has a fresh deadline of its own
        assertThat(session.deadline()).isEqualTo(clock.instant().plus(timeouts.of(to)));
    }

    @Test
    void timeoutsAreConfigurable() {
        SessionTimeouts custom = SessionTimeouts.defaults().with(SessionState.SHOWING_RECORD, Duration.ofSeconds(5));
        assertThat(custom.of(SessionState.SHOWING_RECORD)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SessionTimeouts.defaults().of(SessionState.SHOWING_RECORD)).isEqualTo(Duration.ofSeconds(90));
    }

    private void reach(SessionState target) {
        switch (target) {
            case ATTRACT -> { }
            case AUTHENTICATING -> on(new CardPlaced(CARD));
            case CHOOSING_SUBJECT -> {
                on(new CardPlaced(CARD));
                on(new SessionOpened(session.visit(), REPRESENTATIVE));
            }
            case LOADING_RECORD -> {
                on(new CardPlaced(CARD));
                on(new SessionOpened(session.visit(), PERSON));
            }
            case SHOWING_RECORD -> toRecord();
            case OBJECTING -> {
                toRecord();
                on(new StartObjection("P1"));
            }
            case CONFIRMING_PRINT -> {
                toRecord();
                on(new RequestPrint());
            }
            case PRINTING -> {
                toRecord();
                on(new RequestPrint());
                on(new ConfirmPrint());
            }
            case FAREWELL -> {
                toRecord();
                on(new Finish());
            }
            case NOTICE -> on(new CardReadFailed(Notice.CardProblem.CARD_UNREADABLE));
            case VERIFYING -> on(new ReportCodeScanned("YLXY-20261127-0001-000001"));
            case SHOWING_VERIFICATION -> {
                on(new ReportCodeScanned("YLXY-20261127-0001-000001"));
                on(new ReportVerified(session.visit(), VERIFIED));
            }
            case OUT_OF_SERVICE -> on(new GoOutOfService(Notice.OutOfService.REMOTE_ORDER));
            case MAINTENANCE -> on(new EnterMaintenance());
            default -> throw new IllegalArgumentException(target.name());
        }
    }

    // --- issue 13: elderly-friendly mode and card visits ------------------------------------------------------------

    @Test
    void theElderlyModeDoublesEveryTimeoutAndEndsWithTheVisit() {
        on(new SetElderlyMode(true));
        assertThat(session.view().elderly()).as("chosen at the attract screen, before the card").isTrue();
        toRecord();
        assertThat(session.view().elderly()).isTrue();
        Instant now = clock.instant();
        on(new UserActivity());
        assertThat(session.deadline()).isEqualTo(now.plus(timeouts.of(SessionState.SHOWING_RECORD)
                .multipliedBy(Session.ELDERLY_TIMEOUT_FACTOR)));
        // The ordinary timeout passes: still on the record.
        clock.advance(timeouts.of(SessionState.SHOWING_RECORD).plusMillis(1));
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        // Off again: the ordinary timeout from now on.
        on(new SetElderlyMode(false));
        assertThat(session.deadline()).isEqualTo(clock.instant().plus(timeouts.of(SessionState.SHOWING_RECORD)));
        on(new SetElderlyMode(true));
        on(new Finish());
        assertThat(session.state()).isEqualTo(SessionState.FAREWELL);
        assertThat(session.view().elderly()).as("the farewell is still the visit's").isTrue();
        clock.advance(timeouts.of(SessionState.FAREWELL).multipliedBy(Session.ELDERLY_TIMEOUT_FACTOR).plusMillis(1));
        on(new Tick());
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(session.view().elderly()).as("ends with the visit").isFalse();
    }

    @Test
    void theElderlyModeIsNotForMaintenance() {
        on(new EnterMaintenance());
        on(new SetElderlyMode(true));
        assertThat(session.view().elderly()).isFalse();
    }

    @Test
    void onlyACardVisitIsACardVisitThroughItsFarewell() {
        toRecord();
        assertThat(session.view().cardVisit()).isTrue();
        on(new Finish());
        assertThat(session.state()).isEqualTo(SessionState.FAREWELL);
        assertThat(session.view().cardVisit()).as("the farewell asks to take the card").isTrue();
        timeOut();
        on(new Tick());
        assertThat(session.view().cardVisit()).isFalse();

        on(new AppCodeScanned("XYYL1.abc"));
        on(new SessionOpened(session.visit(), PERSON));
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(session.view().cardVisit()).isFalse();
        on(new Finish());
        assertThat(session.view().cardVisit()).isFalse();

        on(new ReportCodeScanned("YLXY-20261127-0001-000001"));
        assertThat(session.state()).isEqualTo(SessionState.VERIFYING);
        assertThat(session.view().cardVisit()).isFalse();
    }
}
