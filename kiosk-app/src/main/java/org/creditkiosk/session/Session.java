package org.creditkiosk.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.signature.HandSignature;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.session.SessionCommand.CloseSession;
import org.creditkiosk.session.SessionCommand.FileObjection;
import org.creditkiosk.session.SessionCommand.LoadRecord;
import org.creditkiosk.session.SessionCommand.OpenSession;
import org.creditkiosk.session.SessionCommand.PrintReport;
import org.creditkiosk.session.SessionCommand.ProbeService;
import org.creditkiosk.session.SessionCommand.VerifyReport;
import org.creditkiosk.session.SessionCommand.WipeCitizenData;
import org.creditkiosk.session.SessionEvent.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One citizen's visit as a plain state machine (DESIGN.md §1): events in, commands out, a new state. No
 * threads, no JavaFX, no I/O; time comes from the injected {@link Clock} and advances only through
 * {@link SessionEvent.Tick}. Not thread-safe: the controller feeds it from one thread.
 *
 * <p>Privacy: the citizen's data (platform session, record, objection) lives only in this object while the
 * visit lasts and is dropped by {@link #endVisit}, which every way out of a visit goes through.
 */
public final class Session {

    private static final Logger log = LoggerFactory.getLogger(Session.class);
    private static final Logger audit = LoggerFactory.getLogger("org.creditkiosk.audit");

    /** States with a "finish" button: the citizen may leave from here. */
    private static final Set<SessionState> FINISHABLE = EnumSet.of(SessionState.CHOOSING_SUBJECT,
            SessionState.SHOWING_RECORD, SessionState.OBJECTING, SessionState.CONFIRMING_PRINT,
            // issue 15
            SessionState.CHOOSING_COMMITMENT, SessionState.READING_COMMITMENT, SessionState.SIGNING_COMMITMENT,
            SessionState.CONFIRMING_COMMITMENT, SessionState.COMMITMENT_DONE, SessionState.COMPLAINING,
            SessionState.COMPLAINT_FILED);

    private final Clock clock;
    private final SessionTimeouts timeouts;

    private SessionState state = SessionState.ATTRACT;
    private Instant deadline;
    private long visit;
    private boolean openedByCard;
    /** The last visit was opened with a card: kept through its farewell or notice screen, dropped at ATTRACT. */
    private boolean cardVisit;
    private boolean elderly;

    /** Timeouts in the elderly-friendly mode are this many times longer (no time pressure for older citizens). */
    public static final int ELDERLY_TIMEOUT_FACTOR = 2;
    /** Why the kiosk may not serve: each cause is lifted by its own BackInService. */
    private final Set<Notice.OutOfService> outOfServiceCauses = EnumSet.noneOf(Notice.OutOfService.class);
    private final Set<DeviceKind> unavailableDevices = EnumSet.noneOf(DeviceKind.class);

    // The citizen's data: only between the start and the end of a visit.
    private Optional<PlatformSession> platformSession = Optional.empty();
    private Optional<String> chosenUscc = Optional.empty();
    private Optional<CreditRecord> record = Optional.empty();
    private Optional<Notice> notice = Optional.empty();
    private Optional<String> reportNo = Optional.empty();
    private Optional<String> objectionItemId = Optional.empty();
    private Optional<ObjectionTicket> objectionTicket = Optional.empty();
    private Optional<ReportVerification> verification = Optional.empty();
    // issue 15: commitments and complaints
    private Optional<List<CommitmentTemplate>> templates = Optional.empty();
    private Optional<CommitmentTemplate> template = Optional.empty();
    private boolean textRead;
    private Optional<HandSignature> signature = Optional.empty();
    private Optional<SignedCommitment> signed = Optional.empty();
    private Optional<ComplaintTicket> complaintTicket = Optional.empty();
    /** The signed commitment's paper waits at the print desk for a reprint (a printer fault, not a failure). */
    private boolean commitmentHeld;
    /** The last visit ended by its idle timeout (the view says so until the next visit starts). */
    private boolean endedIdle;
    private boolean complaintPending;

    public Session(Clock clock, SessionTimeouts timeouts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.deadline = clock.instant().plus(timeouts.of(state));
    }

    public SessionState state() {
        return state;
    }

    /** When the current state times out. */
    public Instant deadline() {
        return deadline;
    }

    /** The current visit number; answers tagged with another visit are stale. */
    public long visit() {
        return visit;
    }

    public SessionView view() {
        return new SessionView(state,
                platformSession.map(PlatformSession::person),
                platformSession.map(PlatformSession::represents).orElse(List.of()),
                chosenUscc, record, notice, reportNo, objectionItemId, objectionTicket,
                outOfServiceCauses.stream().findFirst(), verification, unavailableDevices,
                new ServicesView(templates, template, textRead, signature, signed, complaintTicket, complaintPending,
                        commitmentHeld),
                cardVisit, elderly, endedIdle);
    }

    /** Handles one event; returns the commands to carry out, in order. */
    public List<SessionCommand> handle(SessionEvent event) {
        List<SessionCommand> out = new ArrayList<>();
        SessionState before = state;
        if (event instanceof Tick) {
            if (!clock.instant().isBefore(deadline)) {
                onTimeout(out);
            }
        } else if (!handleAnywhere(event, out)) {
            dispatch(event, out);
        }
        if (state != before) {
            log.info("session {} -> {} on {}", before, state, event.getClass().getSimpleName());
        }
        return out;
    }

    /** Events with the same meaning in every state. Returns true when handled. */
    private boolean handleAnywhere(SessionEvent event, List<SessionCommand> out) {
        if (event instanceof UserActivity) {
            if (state.inSession()) {
                restartTimer();
            }
        } else if (event instanceof SetElderlyMode m) {
            if (state != SessionState.MAINTENANCE && state != SessionState.OUT_OF_SERVICE && elderly != m.on()) {
                elderly = m.on();
                log.info("elderly-friendly mode {} in {}", elderly ? "on" : "off", state);
                restartTimer();
            }
        } else if (event instanceof GoOutOfService g) {
            outOfServiceCauses.add(g.cause());
            if (!state.inSession() && state != SessionState.MAINTENANCE) {
                enter(SessionState.OUT_OF_SERVICE);
            }
        } else if (event instanceof DeviceAvailability d) {
            if (d.available()) {
                unavailableDevices.remove(d.device());
            } else {
                unavailableDevices.add(d.device());
            }
        } else if (event instanceof BackInService b) {
            outOfServiceCauses.remove(b.cause());
            if (state == SessionState.OUT_OF_SERVICE && outOfServiceCauses.isEmpty()) {
                enter(SessionState.ATTRACT);
            }
        } else if (event instanceof EnterMaintenance) {
            if (state.inSession()) {
                endVisit(out);
            }
            enter(SessionState.MAINTENANCE);
        } else if (event instanceof SessionOpened o && (o.visit() != visit || state != SessionState.AUTHENTICATING)) {
            // A session opened for a visit that already ended (card lifted, timeout): close it at once.
            log.info("closing a platform session that arrived after its visit ended");
            out.add(new CloseSession(new SessionToken(o.session().sessionToken())));
        } else {
            // Answers for a visit that already ended are stale: drop them.
            return staleVisit(event).map(v -> v != visit).orElse(false);
        }
        return true;
    }

    private static Optional<Long> staleVisit(SessionEvent event) {
        if (event instanceof RecordLoaded e) {
            return Optional.of(e.visit());
        } else if (event instanceof PlatformFailed e) {
            return Optional.of(e.visit());
        } else if (event instanceof PrintFinished e) {
            return Optional.of(e.visit());
        } else if (event instanceof PrintFailed e) {
            return Optional.of(e.visit());
        } else if (event instanceof ObjectionFiled e) {
            return Optional.of(e.visit());
        } else if (event instanceof ReportVerified e) {
            return Optional.of(e.visit());
        } else if (event instanceof CommitmentTemplatesLoaded e) {
            return Optional.of(e.visit());
        } else if (event instanceof CommitmentSigned e) {
            return Optional.of(e.visit());
        } else if (event instanceof CommitmentPrinted e) {
            return Optional.of(e.visit());
        } else if (event instanceof CommitmentPrintFailed e) {
            return Optional.of(e.visit());
        } else if (event instanceof ComplaintFiled e) {
            return Optional.of(e.visit());
        }
        return Optional.empty();
    }

    private void dispatch(SessionEvent event, List<SessionCommand> out) {
        if (state.inSession() && event instanceof CardRemoved && openedByCard) {
            // Lifting the card ends the visit in every citizen state. In PRINTING the job already holds the
            // finished PDF and prints on; the screens forget the citizen now.
            endVisit(out, SessionState.ATTRACT);
            return;
        }
        if (event instanceof Finish && FINISHABLE.contains(state)) {
            endVisit(out, SessionState.FAREWELL);
            return;
        }
        switch (state) {
            case ATTRACT, FAREWELL, NOTICE -> {
                if (event instanceof CardPlaced c) {
                    startVisit(OpenSessionRequest.idCard(c.card()), true, out);
                } else if (event instanceof AppCodeScanned q) {
                    startVisit(OpenSessionRequest.appQr(q.payload()), false, out);
                } else if (event instanceof ReportCodeScanned r) {
                    clearCitizenData();
                    cardVisit = false;
                    visit++;
                    enter(SessionState.VERIFYING);
                    out.add(new VerifyReport(visit, r.reportNo()));
                } else if (event instanceof CodeRejected r) {
                    showNotice(r.problem());
                } else if (event instanceof CardReadFailed c) {
                    showNotice(c.problem());
                } else if (event instanceof Finish && state != SessionState.ATTRACT) {
                    enter(afterVisit());
                } else {
                    ignore(event);
                }
            }
            case AUTHENTICATING -> {
                if (event instanceof SessionOpened o) {
                    platformSession = Optional.of(o.session());
                    if (o.session().represents().isEmpty()) {
                        loadRecord(Optional.empty(), out);
                    } else {
                        enter(SessionState.CHOOSING_SUBJECT);
                    }
                } else if (event instanceof PlatformFailed f) {
                    failVisit(Notice.of(f.failure()), out);
                } else {
                    ignore(event);
                }
            }
            case CHOOSING_SUBJECT -> {
                if (event instanceof ChooseOwnRecord) {
                    notice = Optional.empty();
                    loadRecord(Optional.empty(), out);
                } else if (event instanceof ChooseOrganization c) {
                    notice = Optional.empty();
                    loadRecord(Optional.of(c.uscc()), out);
                } else {
                    ignore(event);
                }
            }
            case LOADING_RECORD -> {
                if (event instanceof RecordLoaded r) {
                    record = Optional.of(r.record());
                    enter(SessionState.SHOWING_RECORD);
                } else if (event instanceof PlatformFailed f) {
                    onRecordFailed(f.failure(), out);
                } else {
                    ignore(event);
                }
            }
            case SHOWING_RECORD -> {
                if (event instanceof RequestPrint) {
                    notice = Optional.empty();
                    enter(SessionState.CONFIRMING_PRINT);
                } else if (event instanceof StartObjection o) {
                    notice = Optional.empty();
                    objectionItemId = Optional.of(o.itemId());
                    objectionTicket = Optional.empty();
                    enter(SessionState.OBJECTING);
                } else if (event instanceof StartCommitment) {
                    notice = Optional.empty();
                    loadTemplates(out);
                } else if (event instanceof StartComplaint) {
                    notice = Optional.empty();
                    complaintTicket = Optional.empty();
                    complaintPending = false;
                    enter(SessionState.COMPLAINING);
                } else if (event instanceof BackToChoice
                        && platformSession.map(s -> !s.represents().isEmpty()).orElse(false)) {
                    record = Optional.empty();
                    chosenUscc = Optional.empty();
                    notice = Optional.empty();
                    enter(SessionState.CHOOSING_SUBJECT);
                } else {
                    ignore(event);
                }
            }
            case CONFIRMING_PRINT -> {
                if (event instanceof ConfirmPrint) {
                    enter(SessionState.PRINTING);
                    out.add(new PrintReport(visit, token(), record.orElseThrow()));
                } else if (event instanceof BackToRecord) {
                    enter(SessionState.SHOWING_RECORD);
                } else {
                    ignore(event);
                }
            }
            case PRINTING -> {
                if (event instanceof PrintFinished p) {
                    String no = p.reportNo();
                    endVisit(out, SessionState.FAREWELL);
                    reportNo = Optional.of(no);
                } else if (event instanceof PrintFailed p) {
                    onPrintFailed(p.notice(), out);
                } else if (event instanceof PlatformFailed f) {
                    // A platform call of the print flow (allocate, register the digest) failed: say so now, not
                    // when the PRINTING timeout runs out.
                    onPrintFailed(Notice.of(f.failure()), out);
                } else {
                    ignore(event);
                }
            }
            case OBJECTING -> {
                if (event instanceof SubmitObjection s && objectionTicket.isEmpty()) {
                    notice = Optional.empty();
                    restartTimer();
                    out.add(new FileObjection(visit, token(), s.request()));
                } else if (event instanceof ObjectionFiled o) {
                    objectionTicket = Optional.of(o.ticket());
                    restartTimer();
                } else if (event instanceof PlatformFailed f) {
                    Notice n = Notice.of(f.failure());
                    if (endsTheVisit(n)) {
                        failVisit(n, out);
                    } else {
                        notice = Optional.of(n);
                        restartTimer();
                    }
                } else if (event instanceof BackToRecord) {
                    objectionItemId = Optional.empty();
                    objectionTicket = Optional.empty();
                    notice = Optional.empty();
                    enter(SessionState.SHOWING_RECORD);
                } else {
                    ignore(event);
                }
            }
            case VERIFYING -> {
                if (event instanceof ReportVerified v) {
                    verification = Optional.of(v.verification());
                    enter(SessionState.SHOWING_VERIFICATION);
                } else if (event instanceof PlatformFailed f) {
                    showNotice(Notice.of(f.failure()));
                } else {
                    ignore(event);
                }
            }
            case SHOWING_VERIFICATION -> {
                if (event instanceof Finish) {
                    enter(afterVisit());
                } else if (event instanceof CardPlaced c) {
                    startVisit(OpenSessionRequest.idCard(c.card()), true, out);
                } else if (event instanceof AppCodeScanned q) {
                    startVisit(OpenSessionRequest.appQr(q.payload()), false, out);
                } else if (event instanceof ReportCodeScanned r) {
                    verification = Optional.empty();
                    visit++;
                    enter(SessionState.VERIFYING);
                    out.add(new VerifyReport(visit, r.reportNo()));
                } else {
                    ignore(event);
                }
            }
            case CHOOSING_COMMITMENT, READING_COMMITMENT, SIGNING_COMMITMENT, CONFIRMING_COMMITMENT, PRINTING_COMMITMENT,
                    COMMITMENT_DONE -> commitment(event, out);
            case COMPLAINING, COMPLAINT_FILED -> complaint(event, out);
            case OUT_OF_SERVICE -> ignore(event);
            case MAINTENANCE -> {
                if (event instanceof LeaveMaintenance) {
                    enter(afterVisit());
                } else {
                    ignore(event);
                }
            }
            default -> throw new IllegalStateException("unhandled state " + state);
        }
    }

    private void onTimeout(List<SessionCommand> out) {
        switch (state) {
            case ATTRACT -> restartTimer();
            case OUT_OF_SERVICE -> {
                restartTimer();
                out.add(new ProbeService());
            }
            case MAINTENANCE -> {
                // One audit line, like every other maintenance action (ops.MaintenanceAudit writes the others).
                SessionState next = afterVisit();
                audit.warn("maintenance: left by itself after {} without staff; the kiosk goes to {}", timeouts.of(state), next);
                enter(next);
            }
            case FAREWELL, NOTICE, SHOWING_VERIFICATION -> enter(afterVisit());
            case VERIFYING -> {
                log.warn("platform did not answer the report verification within {}", timeouts.of(state));
                showNotice(Notice.PLATFORM_TIMEOUT);
            }
            case AUTHENTICATING, LOADING_RECORD -> {
                log.warn("platform did not answer within {} in {}", timeouts.of(state), state);
                endVisit(out, SessionState.NOTICE);
                notice = Optional.of(Notice.PLATFORM_TIMEOUT);
            }
            case PRINTING -> {
                log.warn("printing did not finish within {}", timeouts.of(state));
                notice = Optional.of(Notice.PrintProblem.PRINT_FAILED);
                enter(SessionState.SHOWING_RECORD);
            }
            case PRINTING_COMMITMENT -> {
                log.warn("the commitment flow did not finish within {}", timeouts.of(state));
                commitmentHeld = false;   // what the desk did with it is not known: the counter, with the number
                if (signed.isPresent()) {
                    notice = Optional.of(Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
                    enter(SessionState.COMMITMENT_DONE);
                } else {
                    notice = Optional.of(Notice.PLATFORM_TIMEOUT);
                    enter(SessionState.CONFIRMING_COMMITMENT);
                }
            }
            // The citizen walked away: nobody to say goodbye to.
            case CHOOSING_SUBJECT, SHOWING_RECORD, OBJECTING, CONFIRMING_PRINT, CHOOSING_COMMITMENT, READING_COMMITMENT,
                    SIGNING_COMMITMENT, CONFIRMING_COMMITMENT, COMMITMENT_DONE, COMPLAINING, COMPLAINT_FILED -> {
                log.info("idle for {} in {}: ending the visit", timeouts.of(state), state);
                endVisit(out, SessionState.ATTRACT);
                endedIdle = true;
            }
            default -> throw new IllegalStateException("unhandled state " + state);
        }
    }

    // --- credit commitments and complaints (contract 1.1, issue 15) ---------------------------------------------

    private void commitment(SessionEvent event, List<SessionCommand> out) {
        if (event instanceof BackToRecord && state != SessionState.PRINTING_COMMITMENT) {
            clearServices();
            notice = Optional.empty();
            enter(SessionState.SHOWING_RECORD);
            return;
        }
        switch (state) {
            case CHOOSING_COMMITMENT -> {
                if (event instanceof CommitmentTemplatesLoaded l) {
                    templates = Optional.of(l.templates());
                    restartTimer();
                } else if (event instanceof ChooseTemplate c && templates.isPresent()) {
                    Optional<CommitmentTemplate> t = templates.get().stream()
                            .filter(x -> x.templateId().equals(c.templateId())).findFirst();
                    if (t.isPresent()) {
                        template = t;
                        textRead = false;
                        notice = Optional.empty();
                        enter(SessionState.READING_COMMITMENT);
                    }
                } else if (event instanceof PlatformFailed f) {
                    Notice n = Notice.of(f.failure());
                    if (endsTheVisit(n)) {
                        failVisit(n, out);
                    } else {
                        clearServices();
                        notice = Optional.of(n);
                        enter(SessionState.SHOWING_RECORD);
                    }
                } else {
                    ignore(event);
                }
            }
            case READING_COMMITMENT -> {
                if (event instanceof TextReadToEnd) {
                    textRead = true;
                    restartTimer();
                } else if (event instanceof StartSigning && textRead) {
                    notice = Optional.empty();
                    enter(SessionState.SIGNING_COMMITMENT);
                } else if (event instanceof BackInCommitment) {
                    template = Optional.empty();
                    textRead = false;
                    notice = Optional.empty();
                    enter(SessionState.CHOOSING_COMMITMENT);
                } else {
                    ignore(event);
                }
            }
            case SIGNING_COMMITMENT -> {
                if (event instanceof SubmitSignature s) {
                    if (!s.signature().enoughInk()) {
                        s.signature().wipe();
                        notice = Optional.of(Notice.ServiceProblem.SIGNATURE_BLANK);
                        restartTimer();
                    } else {
                        dropSignature();
                        signature = Optional.of(s.signature());
                        notice = Optional.empty();
                        enter(SessionState.CONFIRMING_COMMITMENT);
                    }
                } else if (event instanceof BackInCommitment) {
                    notice = Optional.empty();
                    enter(SessionState.READING_COMMITMENT);
                } else {
                    ignore(event);
                }
            }
            case CONFIRMING_COMMITMENT -> {
                if (event instanceof ConfirmCommitment && signature.isPresent()) {
                    notice = Optional.empty();
                    enter(SessionState.PRINTING_COMMITMENT);
                    out.add(new SessionCommand.SignCommitment(visit, token(), template.orElseThrow(), chosenUscc,
                            signature.get(), clock.instant(), record.orElseThrow()));
                } else if (event instanceof BackInCommitment) {
                    dropSignature();
                    notice = Optional.empty();
                    enter(SessionState.SIGNING_COMMITMENT);
                } else {
                    ignore(event);
                }
            }
            case PRINTING_COMMITMENT -> {
                if (event instanceof CommitmentSigned c) {
                    signed = Optional.of(c.commitment());
                    restartTimer();
                } else if (event instanceof CommitmentPrinted) {
                    dropSignature();
                    commitmentHeld = false;
                    notice = Optional.empty();
                    enter(SessionState.COMMITMENT_DONE);
                } else if (event instanceof CommitmentPrintFailed f && signed.isEmpty()) {
                    // Nothing was signed (a fault before the platform call): the citizen may try again.
                    log.info("commitment flow failed before signing: {}", f.notice().code());
                    notice = Optional.of(f.notice());
                    enter(SessionState.CONFIRMING_COMMITMENT);
                } else if (event instanceof CommitmentPrintFailed f) {
                    // Held at the desk (paper out, cover open, offline): the printer's notice, and a reprint once it
                    // is fixed. Anything else: the number, and where to get the paper (COMMITMENT_PRINT_FAILED).
                    commitmentHeld = f.notice() instanceof Notice.PrintProblem p && p.reprintable();
                    log.info("commitment printed no paper: {}{}", f.notice().code(), commitmentHeld ? " (held for a reprint)" : "");
                    dropSignature();
                    notice = Optional.of(commitmentHeld ? f.notice() : Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
                    enter(SessionState.COMMITMENT_DONE);
                } else if (event instanceof PlatformFailed f) {
                    onCommitmentFailed(Notice.of(f.failure()), out);
                } else {
                    ignore(event);
                }
            }
            case COMMITMENT_DONE -> {
                if (event instanceof ReprintCommitment && commitmentHeld && signed.isPresent()) {
                    notice = Optional.empty();
                    out.add(new SessionCommand.ReprintCommitment(visit, signed.get().commitmentNo()));
                    enter(SessionState.PRINTING_COMMITMENT);
                } else {
                    ignore(event);
                }
            }
            default -> throw new IllegalStateException("not a commitment state " + state);
        }
    }

    /** signCommitment (or, once signed, the digest) failed: the catalogue's recovery decides. */
    private void onCommitmentFailed(Notice n, List<SessionCommand> out) {
        if (signed.isPresent()) {
            // Recorded on the platform: the citizen is told the number and where to get the paper.
            log.info("commitment recorded, but its digest or print failed: {}", n.code());
            dropSignature();
            notice = Optional.of(Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
            enter(SessionState.COMMITMENT_DONE);
        } else if (endsTheVisit(n)) {
            failVisit(n, out);
        } else if (ErrorCatalog.of(n).recovery() == ErrorCatalog.Recovery.REFETCH_TEMPLATES) {
            // TEMPLATE_CHANGED: the text shown is not the platform's any more; fetch again, read again, sign again.
            loadTemplates(out);
            notice = Optional.of(n);
        } else {
            notice = Optional.of(n);
            enter(SessionState.CONFIRMING_COMMITMENT);
        }
    }

    private void loadTemplates(List<SessionCommand> out) {
        clearServices();
        enter(SessionState.CHOOSING_COMMITMENT);
        out.add(new SessionCommand.LoadCommitmentTemplates(visit, token(), chosenUscc));
    }

    private void complaint(SessionEvent event, List<SessionCommand> out) {
        if (event instanceof BackToRecord && !complaintPending) {
            clearServices();
            notice = Optional.empty();
            enter(SessionState.SHOWING_RECORD);
            return;
        }
        if (state == SessionState.COMPLAINING) {
            if (event instanceof SubmitComplaint s && !complaintPending) {
                notice = Optional.empty();
                complaintPending = true;
                restartTimer();
                out.add(new SessionCommand.FileComplaint(visit, token(), s.request()));
            } else if (event instanceof ComplaintFiled f) {
                complaintPending = false;
                complaintTicket = Optional.of(f.ticket());
                enter(SessionState.COMPLAINT_FILED);
            } else if (event instanceof PlatformFailed f) {
                complaintPending = false;
                Notice n = Notice.of(f.failure());
                if (endsTheVisit(n)) {
                    failVisit(n, out);
                } else {
                    notice = Optional.of(n);
                    restartTimer();
                }
            } else {
                ignore(event);
            }
        } else {
            ignore(event);
        }
    }

    private void dropSignature() {
        signature.ifPresent(HandSignature::wipe);
        signature = Optional.empty();
    }

    private void clearServices() {
        templates = Optional.empty();
        template = Optional.empty();
        textRead = false;
        dropSignature();
        signed = Optional.empty();
        complaintTicket = Optional.empty();
        complaintPending = false;
        commitmentHeld = false;
    }

    private void startVisit(OpenSessionRequest request, boolean byCard, List<SessionCommand> out) {
        clearCitizenData();
        visit++;
        openedByCard = byCard;
        cardVisit = byCard;
        enter(SessionState.AUTHENTICATING);
        out.add(new OpenSession(visit, request));
    }

    private void loadRecord(Optional<String> uscc, List<SessionCommand> out) {
        chosenUscc = uscc;
        record = Optional.empty();
        enter(SessionState.LOADING_RECORD);
        out.add(new LoadRecord(visit, token(), uscc));
    }

    private void onRecordFailed(PlatformException failure, List<SessionCommand> out) {
        boolean organisationRefused = failure instanceof PlatformException.Api api
                && chosenUscc.isPresent()
                && (api.code() == ErrorCode.NOT_AUTHORIZED || api.code() == ErrorCode.SUBJECT_NOT_FOUND
                        || api.code() == ErrorCode.INVALID_ARGUMENT);
        if (organisationRefused) {
            // The person stays signed in and may pick another organisation or their own record.
            notice = Optional.of(Notice.of(failure));
            chosenUscc = Optional.empty();
            enter(SessionState.CHOOSING_SUBJECT);
        } else {
            failVisit(Notice.of(failure), out);
        }
    }

    /**
     * The print flow ended without a report; the catalogue's recovery decides what follows: the visit ends (session
     * expired, kiosk out of service), the changed record is fetched again, or the record is shown with the notice
     * (try again, printer fault, quota, signing ...).
     */
    private void onPrintFailed(Notice failure, List<SessionCommand> out) {
        log.info("print failed: {}", failure.code());
        if (endsTheVisit(failure)) {
            failVisit(failure, out);
        } else if (ErrorCatalog.of(failure).recovery() == ErrorCatalog.Recovery.REFETCH_RECORD) {
            // The record changed since it was fetched (contract, allocateReport 409): fetch it again.
            loadRecord(chosenUscc, out);
            notice = Optional.of(failure);
        } else {
            notice = Optional.of(failure);
            enter(SessionState.SHOWING_RECORD);
        }
    }

    /** The platform session is gone, or the kiosk cannot serve anyone: nothing more can be done in this visit. */
    private static boolean endsTheVisit(Notice n) {
        ErrorCatalog.Recovery r = ErrorCatalog.of(n).recovery();
        return r == ErrorCatalog.Recovery.END_SESSION || r == ErrorCatalog.Recovery.OUT_OF_SERVICE;
    }

    private void failVisit(Notice failure, List<SessionCommand> out) {
        endVisit(out, SessionState.NOTICE);
        notice = Optional.of(failure);
    }

    private void showNotice(Notice n) {
        clearCitizenData();
        notice = Optional.of(n);
        enter(SessionState.NOTICE);
    }

    /** Every way out of a visit comes here: close the platform session and forget the citizen. */
    private void endVisit(List<SessionCommand> out) {
        platformSession.ifPresent(s -> out.add(new CloseSession(new SessionToken(s.sessionToken()))));
        out.add(new WipeCitizenData());
        clearCitizenData();
    }

    private void endVisit(List<SessionCommand> out, SessionState next) {
        endVisit(out);
        enter(next == SessionState.ATTRACT ? afterVisit() : next);
    }

    private void clearCitizenData() {
        platformSession = Optional.empty();
        chosenUscc = Optional.empty();
        record = Optional.empty();
        notice = Optional.empty();
        reportNo = Optional.empty();
        objectionItemId = Optional.empty();
        objectionTicket = Optional.empty();
        verification = Optional.empty();
        openedByCard = false;
        clearServices();
    }

    private SessionState afterVisit() {
        return outOfServiceCauses.isEmpty() ? SessionState.ATTRACT : SessionState.OUT_OF_SERVICE;
    }

    private SessionToken token() {
        return new SessionToken(platformSession.orElseThrow().sessionToken());
    }

    private void enter(SessionState next) {
        if (next.inSession()) {
            endedIdle = false;
        }
        if (next == SessionState.ATTRACT || next == SessionState.OUT_OF_SERVICE || next == SessionState.MAINTENANCE) {
            clearCitizenData();
            cardVisit = false;
            elderly = false;
        }
        state = next;
        restartTimer();
    }

    private void restartTimer() {
        java.time.Duration t = timeouts.of(state);
        deadline = clock.instant().plus(elderly ? t.multipliedBy(ELDERLY_TIMEOUT_FACTOR) : t);
    }

    private void ignore(SessionEvent event) {
        log.debug("ignored {} in {}", event.getClass().getSimpleName(), state);
    }
}
