package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.platform.api.SubjectKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kiosk's real client against the embedded demo platform: the walking skeleton's six operations. */
class DemoPlatformEndToEndTest {

    static final String KIOSK = "YL-ZWDT-01-K03";
    static DemoPlatformServer server;
    static HttpPlatformClient client;
    static DemoFixtures fixtures = DemoFixtures.load();

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

    static IdCardData card(String name) {
        return fixtures.cards().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void representativeSeesOwnAndOrganisationRecordPrintsAndCloses() throws Exception {
        PlatformSession session = client.openSession(OpenSessionRequest.idCard(card("刘卫东")));
        SessionToken token = new SessionToken(session.sessionToken());
        assertThat(session.person().idNumberMasked()).isEqualTo("610802********0058");
        assertThat(session.represents()).hasSize(2);

        CreditRecord own = client.getOwnRecord(token);
        assertThat(own.subject().kind()).isEqualTo(SubjectKind.PERSON);

        String uscc = session.represents().stream().filter(r -> r.kind() == SubjectKind.ENTERPRISE)
                .findFirst().orElseThrow().uscc();
        CreditRecord org = client.getOrganizationRecord(token, uscc);
        assertThat(org.penalties()).hasSize(3).anyMatch(p -> p.isRepaired()).anyMatch(p -> !p.isRepaired());

        ReportAllocation report = client.allocateReport(token,
                new AllocateReportRequest(org.recordId(), org.recordVersion(), AllocateReportRequest.ReportKind.FULL));
        assertThat(report.reportNo()).matches("YLXY-\\d{8}-0003-\\d{6}");
        assertThat(report.verifyUrl()).isEqualTo("https://credit-platform.example/v?r=" + report.reportNo());

        ReportDigest digest = new ReportDigest("ab".repeat(32), 4);
        client.registerReportDigest(token, report.reportNo(), digest);
        client.registerReportDigest(token, report.reportNo(), digest); // idempotent
        assertThatThrownBy(() -> client.registerReportDigest(token, report.reportNo(), new ReportDigest("cd".repeat(32), 4)))
                .isInstanceOfSatisfying(PlatformException.Api.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_MISMATCH));

        ReportVerification v = client.verifyReport(report.reportNo());
        assertThat(v.status()).isEqualTo(ReportVerification.Status.VALID);
        assertThat(v.sha256()).contains("ab".repeat(32));
        assertThat(v.subjectNameMasked()).get().asString().startsWith("榆").contains("*");

        client.closeSession(token);
        client.closeSession(token); // idempotent
        assertThatThrownBy(() -> client.getOwnRecord(token))
                .isInstanceOfSatisfying(PlatformException.Api.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_EXPIRED));
    }

    @Test
    void revokedCardAndUnrepresentedOrganisationAreRefused() throws Exception {
        assertThatThrownBy(() -> client.openSession(OpenSessionRequest.idCard(card("陈晓燕"))))
                .isInstanceOfSatisfying(PlatformException.Api.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CARD_REVOKED);
                    assertThat(e.httpStatus()).isEqualTo(403);
                });
        PlatformSession session = client.openSession(OpenSessionRequest.idCard(card("张明远")));
        SessionToken token = new SessionToken(session.sessionToken());
        assertThatThrownBy(() -> client.getOrganizationRecord(token, "91610802MA70Q3K23B"))
                .isInstanceOfSatisfying(PlatformException.Api.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> client.getOrganizationRecord(token, "914403001922038216"))
                .isInstanceOfSatisfying(PlatformException.Api.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND));
        client.closeSession(token);
    }

    @Test
    void unknownReportVerifiesAsUnknown() throws Exception {
        assertThat(client.verifyReport("YLXY-20200101-0003-000001").status()).isEqualTo(ReportVerification.Status.UNKNOWN);
        assertThat(client.getKioskConfig(Optional.empty()).unchanged()).isTrue();
    }
}
