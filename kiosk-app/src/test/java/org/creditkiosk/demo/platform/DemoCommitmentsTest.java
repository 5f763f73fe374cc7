package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.signature.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo platform's commitments and complaints (contract 1.1, issue 15) through the kiosk's real client. */
class DemoCommitmentsTest {

    static final String KIOSK = "YL-ZWDT-01-K03";
    static DemoPlatformServer server;
    static HttpPlatformClient client;

    @BeforeAll
    static void start() throws Exception {
        server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(), Clock.systemUTC());
        client = server.client(CallObserver.NONE);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static void assertCode(DemoPlatformContractTest.ThrowableAssertCall call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    static SessionToken signIn(String name) throws Exception {
        return new SessionToken(client.openSession(OpenSessionRequest.idCard(DemoPlatformEndToEndTest.card(name))).sessionToken());
    }

    @Test
    void everyKindForPersonsAndForOrganisationsWithMatchingHashes() throws Exception {
        SessionToken token = signIn("刘卫东");
        List<CommitmentTemplate> own = client.listCommitmentTemplates(token, Optional.empty());
        List<CommitmentTemplate> org = client.listCommitmentTemplates(token, Optional.of("91610802MA70Q3K23B"));
        Set<CommitmentTemplate.Kind> all = EnumSet.allOf(CommitmentTemplate.Kind.class);
        assertThat(own.stream().map(CommitmentTemplate::kind).collect(Collectors.toSet())).isEqualTo(all);
        assertThat(org.stream().map(CommitmentTemplate::kind).collect(Collectors.toSet())).isEqualTo(all);
        assertThat(own).allMatch(CommitmentTemplate::textMatches).noneMatch(org::contains);
        // someone else's organisation, or a broken code
        assertCode(() -> client.listCommitmentTemplates(token, Optional.of("12610800435638724P")), ErrorCode.NOT_AUTHORIZED, "represent");
    }

    @Test
    void signsRegistersTheDigestAndVerifiesAsACommitment() throws Exception {
        SessionToken token = signIn("刘卫东");
        CommitmentTemplate t = client.listCommitmentTemplates(token, Optional.of("91610802MA70Q3K23B")).stream()
                .filter(x -> x.kind() == CommitmentTemplate.Kind.APPROVAL_SUBSTITUTE).findFirst().orElseThrow();
        long before = client.getOrganizationRecord(token, "91610802MA70Q3K23B").recordVersion();
        SignedCommitment c = client.signCommitment(token, CommitmentRequest.of(t, Optional.of("91610802MA70Q3K23B"),
                Signatures.scribble().png(), Instant.now()));
        assertThat(c.commitmentNo()).matches("YLCN-\\d{8}-0003-\\d{6}");
        assertThat(c.verifyUrl()).isEqualTo("https://credit-platform.example/v?c=" + c.commitmentNo());
        assertThat(c.title()).isEqualTo(t.title());
        // published: it is in the organisation's record now, whose version moved on
        CreditRecord record = client.getOrganizationRecord(token, "91610802MA70Q3K23B");
        assertThat(record.recordVersion()).isGreaterThan(before);
        assertThat(record.commitments()).anySatisfy(i -> assertThat(i.itemId()).isEqualTo(c.commitmentNo()));

        ReportDigest digest = new ReportDigest("b".repeat(64), 1);
        client.registerCommitmentDigest(token, c.commitmentNo(), digest);
        client.registerCommitmentDigest(token, c.commitmentNo(), digest);
        assertCode(() -> client.registerCommitmentDigest(token, c.commitmentNo(), new ReportDigest("c".repeat(64), 1)),
                ErrorCode.DIGEST_MISMATCH, "different digest");
        assertThat(server.registeredCommitmentDigests()).contains("b".repeat(64));

        ReportVerification v = client.verifyReport(c.commitmentNo());
        assertThat(v.effectiveKind()).isEqualTo(ReportVerification.Kind.COMMITMENT);
        assertThat(v.status()).isEqualTo(ReportVerification.Status.VALID);
        assertThat(v.title()).contains(t.title());
        assertThat(v.sha256()).contains("b".repeat(64));
        assertThat(v.subjectNameMasked().orElseThrow()).contains("*");
    }

    @Test
    void signatureImagesAreChecked() throws Exception {
        SessionToken token = signIn("李秀兰");
        CommitmentTemplate t = client.listCommitmentTemplates(token, Optional.empty()).get(0);
        Instant now = Instant.now();
        assertCode(() -> client.signCommitment(token, CommitmentRequest.of(t, Optional.empty(), Signatures.dot().png(), now)),
                ErrorCode.INVALID_ARGUMENT, "blank");
        assertCode(() -> client.signCommitment(token, CommitmentRequest.of(t, Optional.empty(), png(new BufferedImage(1300, 300,
                BufferedImage.TYPE_INT_ARGB)), now)), ErrorCode.INVALID_ARGUMENT, "1200x600");
        byte[] notPng = Arrays.copyOf(Signatures.scribble().png(), 100);
        notPng[1] = 'X';
        assertCode(() -> client.signCommitment(token, CommitmentRequest.of(t, Optional.empty(), notPng, now)),
                ErrorCode.INVALID_ARGUMENT, "not a PNG");
        assertCode(() -> client.signCommitment(token, new CommitmentRequest(t.templateId(), t.version(), t.textSha256(),
                Optional.empty(), "%%%", now)), ErrorCode.INVALID_ARGUMENT, "Base64");
        // a person's template cannot be signed for an organisation
        SessionToken rep = signIn("刘卫东");
        assertCode(() -> client.signCommitment(rep, CommitmentRequest.of(t, Optional.of("91610802MA70Q3K23B"),
                Signatures.scribble().png(), now)), ErrorCode.INVALID_ARGUMENT, "not for organisations");
    }

    @Test
    void aRevisedTemplateIsTemplateChangedUntilFetchedAgain() throws Exception {
        SessionToken token = signIn("李秀兰");
        CommitmentTemplate shown = client.listCommitmentTemplates(token, Optional.empty()).stream()
                .filter(x -> x.kind() == CommitmentTemplate.Kind.INDUSTRY_SELF_DISCIPLINE).findFirst().orElseThrow();
        server.reviseCommitmentTemplate(shown.templateId());
        byte[] png = Signatures.scribble().png();
        assertCode(() -> client.signCommitment(token, CommitmentRequest.of(shown, Optional.empty(), png, Instant.now())),
                ErrorCode.TEMPLATE_CHANGED, "version " + (shown.version() + 1));
        CommitmentTemplate fresh = client.listCommitmentTemplates(token, Optional.empty()).stream()
                .filter(x -> x.templateId().equals(shown.templateId())).findFirst().orElseThrow();
        assertThat(fresh.paragraphs()).hasSize(shown.paragraphs().size() + 1);
        assertThat(client.signCommitment(token, CommitmentRequest.of(fresh, Optional.empty(), png, Instant.now())).commitmentNo())
                .startsWith("YLCN-");
    }

    @Test
    void complaintsGetATicketAndBadTargetsAreRefused() throws Exception {
        SessionToken token = signIn("李秀兰");
        ComplaintTicket t = client.fileComplaint(token, new ComplaintRequest(ComplaintRequest.Target.byUscc("914403001922038216"),
                ComplaintRequest.Category.UNPAID_WAGES, "该公司拖欠工人工资三个月未发放。", Optional.empty(), Optional.empty()));
        assertThat(t.ticketNo()).matches("YL-TS-\\d{8}-\\d{4}");
        assertThat(t.department()).contains("榆林市人力资源和社会保障局");
        assertThat(t.dueOn()).isPresent();
        ComplaintTicket byName = client.fileComplaint(token, new ComplaintRequest(ComplaintRequest.Target.byName("某某餐饮店"),
                ComplaintRequest.Category.FOOD_DRUG_SAFETY, "后厨卫生条件很差，食品过期仍在销售。", Optional.empty(), Optional.of("13912345678")));
        assertThat(byName.ticketNo()).isNotEqualTo(t.ticketNo());
        // right shape, wrong check character (…6 is right)
        assertCode(() -> client.fileComplaint(token, new ComplaintRequest(ComplaintRequest.Target.byUscc("914403001922038217"),
                ComplaintRequest.Category.OTHER, "描述足够长的一段投诉内容。", Optional.empty(), Optional.empty())),
                ErrorCode.INVALID_ARGUMENT, "check character");
        assertCode(() -> client.fileComplaint(new SessionToken("nobody"), new ComplaintRequest(ComplaintRequest.Target.byName("某店"),
                ComplaintRequest.Category.OTHER, "描述足够长的一段投诉内容。", Optional.empty(), Optional.empty())),
                ErrorCode.SESSION_EXPIRED, "no open session");
    }

    static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
