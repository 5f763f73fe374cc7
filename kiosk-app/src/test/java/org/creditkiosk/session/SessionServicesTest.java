package org.creditkiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.platform.api.SubjectKind;
import org.creditkiosk.session.SessionCommand.CloseSession;
import org.creditkiosk.session.SessionCommand.FileComplaint;
import org.creditkiosk.session.SessionCommand.LoadCommitmentTemplates;
import org.creditkiosk.session.SessionCommand.SignCommitment;
import org.creditkiosk.session.SessionCommand.WipeCitizenData;
import org.creditkiosk.session.SessionEvent.*;
import org.creditkiosk.signature.HandSignature;
import org.creditkiosk.signature.Signatures;
import org.junit.jupiter.api.Test;

/** Commitments and complaints (issue 15) as the session sees them, on the session's clock. */
class SessionServicesTest {

    private static final IdCardData CARD = new IdCardData(IdCardData.CardType.RESIDENT, "测试人", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "11010519491231002X",
            Optional.empty(), "2015-01-01", "LONG", "SAM-1");
    private static final PlatformSession PERSON = new PlatformSession("tok-1", Instant.parse("2026-11-27T04:00:00Z"),
            new Person("测试人", "110105********002X"), List.of());
    private static final CreditRecord RECORD = new CreditRecord("R1", 1L, Instant.parse("2026-11-27T03:00:00Z"),
            Optional.empty(), new Subject(SubjectKind.PERSON, "测试人", Optional.of("110105********002X"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(), null, null, null, null, null, null, null, null, Optional.empty());
    private static final List<String> TEXT = List.of("本人承诺。", "违诺担责。");
    private static final CommitmentTemplate TEMPLATE = new CommitmentTemplate("CN-1", 1, CommitmentTemplate.Kind.VOLUNTARY,
            "个人诚信守法承诺书", "发改委", Optional.empty(), TEXT, CommitmentTemplate.textSha256(TEXT), Optional.of(365));
    private static final SignedCommitment SIGNED = new SignedCommitment("YLCN-20261127-0001-000001", "CN-1", "个人诚信守法承诺书",
            Optional.of("测**"), Instant.parse("2026-11-27T03:01:00Z"), Optional.empty(),
            "https://credit-platform.example/v?c=YLCN-20261127-0001-000001");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
    private final SessionTimeouts timeouts = SessionTimeouts.defaults();
    private final Session session = new Session(clock, timeouts);

    private List<SessionCommand> on(SessionEvent e) {
        return session.handle(e);
    }

    private void toRecord() {
        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), PERSON));
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
    }

    private void toPad() {
        toRecord();
        assertThat(on(new StartCommitment())).singleElement().isInstanceOfSatisfying(LoadCommitmentTemplates.class,
                l -> assertThat(l.uscc()).isEmpty());
        assertThat(session.state()).isEqualTo(SessionState.CHOOSING_COMMITMENT);
        assertThat(session.view().services().templates()).isEmpty();
        on(new CommitmentTemplatesLoaded(session.visit(), List.of(TEMPLATE)));
        on(new ChooseTemplate("CN-1"));
        assertThat(session.state()).isEqualTo(SessionState.READING_COMMITMENT);
        // signing is possible only once the text was read to its end
        on(new StartSigning());
        assertThat(session.state()).isEqualTo(SessionState.READING_COMMITMENT);
        on(new TextReadToEnd());
        assertThat(session.view().services().textRead()).isTrue();
        on(new StartSigning());
        assertThat(session.state()).isEqualTo(SessionState.SIGNING_COMMITMENT);
    }

    private void timeOut() {
        clock.advance(timeouts.of(session.state()).plusMillis(1));
        on(new Tick());
    }

    @Test
    void signsAReadTemplateWithADrawnSignatureAndEndsWithItsNumber() {
        toPad();
        HandSignature signature = Signatures.scribble();
        on(new SubmitSignature(signature));
        assertThat(session.state()).isEqualTo(SessionState.CONFIRMING_COMMITMENT);
        List<SessionCommand> sign = on(new ConfirmCommitment());
        assertThat(sign).singleElement().isInstanceOfSatisfying(SignCommitment.class, c -> {
            assertThat(c.template()).isEqualTo(TEMPLATE);
            assertThat(c.signature()).isSameAs(signature);
            assertThat(c.signedAt()).isEqualTo(clock.instant());
            assertThat(c.subject()).isEqualTo(RECORD);
            assertThat(c.toString()).doesNotContain("png");
        });
        assertThat(session.state()).isEqualTo(SessionState.PRINTING_COMMITMENT);
        on(new CommitmentSigned(session.visit(), SIGNED));
        on(new CommitmentPrinted(session.visit(), SIGNED.commitmentNo()));
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
        assertThat(session.view().services().signed()).contains(SIGNED);
        assertThat(session.view().notice()).isEmpty();
        // the signature went with the print
        assertThat(signature.wiped()).isTrue();
        assertThat(session.view().services().signature()).isEmpty();
        List<SessionCommand> end = on(new Finish());
        assertThat(end).hasAtLeastOneElementOfType(CloseSession.class).hasAtLeastOneElementOfType(WipeCitizenData.class);
        assertThat(session.view().services()).isEqualTo(ServicesView.NONE);
    }

    @Test
    void aBlankSignatureIsRefusedWithItsNotice() {
        toPad();
        HandSignature dot = Signatures.dot();
        assertThat(on(new SubmitSignature(dot))).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.SIGNING_COMMITMENT);
        assertThat(session.view().notice()).contains(Notice.ServiceProblem.SIGNATURE_BLANK);
        assertThat(dot.wiped()).isTrue();
        on(new SubmitSignature(Signatures.scribble()));
        assertThat(session.state()).isEqualTo(SessionState.CONFIRMING_COMMITMENT);
        assertThat(session.view().notice()).isEmpty();
    }

    @Test
    void templateChangedFetchesTheTemplatesAgainAndSaysSo() {
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        List<SessionCommand> again = on(new PlatformFailed(session.visit(), "signCommitment",
                new PlatformException.Api(409, "TEMPLATE_CHANGED", "v2", Optional.empty(), Optional.empty())));
        assertThat(again).singleElement().isInstanceOf(LoadCommitmentTemplates.class);
        assertThat(session.state()).isEqualTo(SessionState.CHOOSING_COMMITMENT);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.TEMPLATE_CHANGED));
        assertThat(session.view().services().template()).isEmpty();
        assertThat(session.view().services().signature()).isEmpty();
        // the fresh list arrives; the notice stays until the citizen picks one
        on(new CommitmentTemplatesLoaded(session.visit(), List.of(TEMPLATE)));
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.TEMPLATE_CHANGED));
        on(new ChooseTemplate("CN-1"));
        assertThat(session.view().services().textRead()).isFalse();
    }

    @Test
    void aPrintFailureAfterSigningKeepsTheNumberAndSaysWhereToGetThePaper() {
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        on(new CommitmentSigned(session.visit(), SIGNED));
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.PRINT_FAILED));
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
        assertThat(session.view().notice()).contains(Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
        assertThat(session.view().services().signed()).contains(SIGNED);
        assertThat(session.view().services().reprintAvailable()).as("nothing is kept to reprint").isFalse();
        assertThat(on(new ReprintCommitment())).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
    }

    @Test
    void aCommitmentHeldAtAPrinterFaultIsPrintedOnceMoreWhenThePrinterIsBack() {
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        on(new CommitmentSigned(session.visit(), SIGNED));
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.PAPER_OUT));
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
        assertThat(session.view().notice()).as("the printer's problem, with a reprint").contains(Notice.PrintProblem.PAPER_OUT);
        assertThat(session.view().services().reprintAvailable()).isTrue();

        // Pressed before staff loaded paper: the desk says not ready, the reprint stays offered.
        assertThat(on(new ReprintCommitment())).singleElement().isEqualTo(
                new SessionCommand.ReprintCommitment(session.visit(), SIGNED.commitmentNo()));
        assertThat(session.state()).isEqualTo(SessionState.PRINTING_COMMITMENT);
        assertThat(session.view().notice()).isEmpty();
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.PAPER_OUT));
        assertThat(session.view().services().reprintAvailable()).isTrue();

        on(new ReprintCommitment());
        on(new CommitmentPrinted(session.visit(), SIGNED.commitmentNo()));
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
        assertThat(session.view().notice()).isEmpty();
        assertThat(session.view().services().reprintAvailable()).isFalse();
        assertThat(session.view().services().signed()).contains(SIGNED);
        assertThat(on(new ReprintCommitment())).as("printed: nothing more to print").isEmpty();
    }

    @Test
    void aReprintThatFailsAgainOrTimesOutSendsTheCitizenToTheCounter() {
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        on(new CommitmentSigned(session.visit(), SIGNED));
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.COVER_OPEN));
        on(new ReprintCommitment());
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.PRINT_FAILED));   // the reprint was used
        assertThat(session.view().notice()).contains(Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
        assertThat(session.view().services().reprintAvailable()).isFalse();

        toPadAgainAfterHeld();
        on(new ReprintCommitment());
        timeOut();
        assertThat(session.state()).isEqualTo(SessionState.COMMITMENT_DONE);
        assertThat(session.view().notice()).contains(Notice.ServiceProblem.COMMITMENT_PRINT_FAILED);
        assertThat(session.view().services().reprintAvailable()).isFalse();
    }

    /** From a finished commitment back to the record, and a new commitment that is held at a printer fault. */
    private void toPadAgainAfterHeld() {
        on(new BackToRecord());
        assertThat(session.view().services().reprintAvailable()).as("gone with the flow").isFalse();
        on(new StartCommitment());
        on(new CommitmentTemplatesLoaded(session.visit(), List.of(TEMPLATE)));
        on(new ChooseTemplate("CN-1"));
        on(new TextReadToEnd());
        on(new StartSigning());
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        on(new CommitmentSigned(session.visit(), SIGNED));
        on(new CommitmentPrintFailed(session.visit(), Notice.PrintProblem.PRINTER_OFFLINE));
        assertThat(session.view().services().reprintAvailable()).isTrue();
    }

    @Test
    void aFailedSigningCallReturnsToTheConfirmationOrEndsTheVisit() {
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        on(new PlatformFailed(session.visit(), "signCommitment", new PlatformException.Transport(
                PlatformException.Transport.Kind.TIMEOUT, "slow", null)));
        assertThat(session.state()).isEqualTo(SessionState.CONFIRMING_COMMITMENT);
        assertThat(session.view().services().signature()).isPresent();
        on(new ConfirmCommitment());
        List<SessionCommand> end = on(new PlatformFailed(session.visit(), "signCommitment",
                new PlatformException.Api(401, "SESSION_EXPIRED", "gone", Optional.empty(), Optional.empty())));
        assertThat(end).hasAtLeastOneElementOfType(WipeCitizenData.class);
        assertThat(session.state()).isEqualTo(SessionState.NOTICE);
    }

    @Test
    void everyNewStateTimesOutAndTheSignatureGoesWithTheVisit() {
        toPad();
        HandSignature signature = Signatures.scribble();
        on(new SubmitSignature(signature));
        timeOut();
        assertThat(session.state()).isEqualTo(SessionState.ATTRACT);
        assertThat(signature.wiped()).isTrue();
        for (SessionState s : List.of(SessionState.CHOOSING_COMMITMENT, SessionState.READING_COMMITMENT,
                SessionState.SIGNING_COMMITMENT, SessionState.COMPLAINING)) {
            toRecord();
            if (s == SessionState.COMPLAINING) {
                on(new StartComplaint());
            } else {
                on(new StartCommitment());
                on(new CommitmentTemplatesLoaded(session.visit(), List.of(TEMPLATE)));
                if (s != SessionState.CHOOSING_COMMITMENT) {
                    on(new ChooseTemplate("CN-1"));
                }
                if (s == SessionState.SIGNING_COMMITMENT) {
                    on(new TextReadToEnd());
                    on(new StartSigning());
                }
            }
            assertThat(session.state()).isEqualTo(s);
            timeOut();
            assertThat(session.state()).as("after the timeout of " + s).isEqualTo(SessionState.ATTRACT);
        }
        // PRINTING_COMMITMENT's timeout: nothing signed yet, back to the confirmation with the timeout notice
        toPad();
        on(new SubmitSignature(Signatures.scribble()));
        on(new ConfirmCommitment());
        timeOut();
        assertThat(session.state()).isEqualTo(SessionState.CONFIRMING_COMMITMENT);
        assertThat(session.view().notice()).contains(Notice.PLATFORM_TIMEOUT);
    }

    @Test
    void aLiftedCardEndsTheFlowAndWipesTheSignature() {
        toPad();
        HandSignature signature = Signatures.scribble();
        on(new SubmitSignature(signature));
        List<SessionCommand> out = on(new CardRemoved());
        assertThat(out).hasAtLeastOneElementOfType(WipeCitizenData.class);
        assertThat(signature.wiped()).isTrue();
        assertThat(session.view().services()).isEqualTo(ServicesView.NONE);
    }

    @Test
    void aComplaintIsFiledOnceAndEndsInItsTicket() {
        toRecord();
        on(new StartComplaint());
        assertThat(session.state()).isEqualTo(SessionState.COMPLAINING);
        ComplaintRequest request = new ComplaintRequest(ComplaintRequest.Target.byName("某餐饮店"),
                ComplaintRequest.Category.FOOD_DRUG_SAFETY, "后厨卫生条件很差，食品过期。", Optional.empty(), Optional.empty());
        assertThat(on(new SubmitComplaint(request))).singleElement().isInstanceOf(FileComplaint.class);
        assertThat(session.view().services().pending()).isTrue();
        // a second touch while the first is on its way files nothing
        assertThat(on(new SubmitComplaint(request))).isEmpty();
        on(new PlatformFailed(session.visit(), "fileComplaint", new PlatformException.Api(429, "RATE_LIMITED", "busy",
                Optional.empty(), Optional.empty())));
        assertThat(session.state()).isEqualTo(SessionState.COMPLAINING);
        assertThat(session.view().notice()).contains(new Notice.PlatformError(ErrorCode.RATE_LIMITED));
        assertThat(on(new SubmitComplaint(request))).singleElement().isInstanceOf(FileComplaint.class);
        ComplaintTicket ticket = new ComplaintTicket("YL-TS-20261127-0001", Instant.parse("2026-11-27T03:05:00Z"),
                Optional.of("市场监督管理局"), Optional.of(LocalDate.parse("2026-12-12")));
        on(new ComplaintFiled(session.visit(), ticket));
        assertThat(session.state()).isEqualTo(SessionState.COMPLAINT_FILED);
        assertThat(session.view().services().complaintTicket()).contains(ticket);
        on(new BackToRecord());
        assertThat(session.state()).isEqualTo(SessionState.SHOWING_RECORD);
        assertThat(session.view().services().complaintTicket()).isEmpty();
    }

    @Test
    void aRepresentativeSignsForTheOrganisationShown() {
        PlatformSession rep = new PlatformSession("tok-2", Instant.parse("2026-11-27T04:00:00Z"),
                new Person("测试人", "110105********002X"), List.of(new org.creditkiosk.platform.api.Representation(
                        "914403001922038216", "某公司", SubjectKind.ENTERPRISE,
                        org.creditkiosk.platform.api.Representation.Role.LEGAL_REPRESENTATIVE)));
        on(new CardPlaced(CARD));
        on(new SessionOpened(session.visit(), rep));
        on(new ChooseOrganization("914403001922038216"));
        on(new RecordLoaded(session.visit(), RECORD));
        assertThat(on(new StartCommitment())).singleElement().isInstanceOfSatisfying(LoadCommitmentTemplates.class,
                l -> assertThat(l.uscc()).contains("914403001922038216"));
        on(new CommitmentTemplatesLoaded(session.visit(), List.of(TEMPLATE)));
        on(new ChooseTemplate("CN-1"));
        on(new TextReadToEnd());
        on(new StartSigning());
        on(new SubmitSignature(Signatures.scribble()));
        assertThat(on(new ConfirmCommitment())).singleElement().isInstanceOfSatisfying(SignCommitment.class,
                c -> assertThat(c.uscc()).contains("914403001922038216"));
    }

    @Test
    void lateAnswersOfAnEndedVisitAreDropped() {
        toRecord();
        long old = session.visit();
        on(new StartCommitment());
        on(new Finish());
        toRecord();
        on(new StartCommitment());
        on(new CommitmentTemplatesLoaded(old, List.of(TEMPLATE)));
        assertThat(session.view().services().templates()).isEmpty();
    }
}
