package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.signature.Signatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract 1.1 commitments and complaints (issue 15) against MockWebServer: paths, bodies, checks of the answers. */
class CommitmentClientTest {

    static final SessionToken TOKEN = new SessionToken("secret-token-value");
    static final List<String> TEXT = List.of("本人承诺遵守法律法规。", "如违反承诺，愿意承担责任。");
    static final String SHA = CommitmentTemplate.textSha256(TEXT);

    MockWebServer server;
    HttpPlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new HttpPlatformClient(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty())
                .withVerifyHost("credit-platform.example"), new byte[32], Clock.systemUTC(), RequestSigner.secureNonces(),
                CallObserver.NONE, d -> { });
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    static String template(String sha) {
        return "{\"templateId\":\"CN-1\",\"version\":2,\"kind\":\"CREDIT_REPAIR\",\"title\":\"信用修复承诺书\","
                + "\"department\":\"发改委\",\"matter\":\"信用修复\",\"paragraphs\":[\"本人承诺遵守法律法规。\","
                + "\"如违反承诺，愿意承担责任。\"],\"textSha256\":\"" + sha + "\",\"publicDays\":90}";
    }

    @Test
    void textHashIsOfTheParagraphsJoinedWithOneNewline() {
        // echo -n -e '本人承诺遵守法律法规。\n如违反承诺，愿意承担责任。' | sha256sum
        assertThat(SHA).isEqualTo("30111002e54584b3d4ca02964551bbcffee5262cba031f7f6051cd50dbb802b8");
    }

    @Test
    void listsTemplatesForThePersonOrAnOrganisation() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"templates\":[" + template(SHA) + "]}"));
        server.enqueue(new MockResponse().setBody("{\"templates\":[]}"));
        List<CommitmentTemplate> own = client.listCommitmentTemplates(TOKEN, Optional.empty());
        assertThat(own).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(CommitmentTemplate.Kind.CREDIT_REPAIR);
            assertThat(t.kind().chinese()).isEqualTo("信用修复型");
            assertThat(t.paragraphs()).isEqualTo(TEXT);
            assertThat(t.matter()).contains("信用修复");
            assertThat(t.textMatches()).isTrue();
        });
        assertThat(client.listCommitmentTemplates(TOKEN, Optional.of("914403001922038216"))).isEmpty();
        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getPath()).isEqualTo("/api/v1/commitments/templates");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer secret-token-value");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/commitments/templates?uscc=914403001922038216");
        assertThatThrownBy(() -> client.listCommitmentTemplates(TOKEN, Optional.of("91350100M000100Y4Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplateWhoseHashIsNotOfItsTextIsAProtocolError() {
        server.enqueue(new MockResponse().setBody("{\"templates\":[" + template("0".repeat(64)) + "]}"));
        assertThatThrownBy(() -> client.listCommitmentTemplates(TOKEN, Optional.empty()))
                .isInstanceOf(PlatformException.Protocol.class).hasMessageContaining("templates[0].textSha256");
    }

    @Test
    void templatesBreakingTheContractAreProtocolErrors() {
        server.enqueue(new MockResponse().setBody("{\"templates\":[" + template(SHA).replace("CREDIT_REPAIR", "OTHER") + "]}"));
        server.enqueue(new MockResponse().setBody("{\"templates\":[" + template(SHA).replace("\"version\":2", "\"version\":0") + "]}"));
        server.enqueue(new MockResponse().setBody("{}"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.listCommitmentTemplates(TOKEN, Optional.empty()))
                    .isInstanceOf(PlatformException.Protocol.class);
        }
    }

    @Test
    void signsWithTheHashShownAndTheSignatureAsBase64Png() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"commitmentNo\":\"YLCN-20261129-0003-000042\","
                + "\"templateId\":\"CN-1\",\"title\":\"信用修复承诺书\",\"subjectNameMasked\":\"李*\",\"signedAt\":\"2026-11-29T03:00:00Z\","
                + "\"publicUntil\":\"2027-02-27\",\"verifyUrl\":\"https://credit-platform.example/v?c=YLCN-20261129-0003-000042\"}"));
        CommitmentTemplate t = Json.mapper().readValue(template(SHA), CommitmentTemplate.class);
        byte[] png = Signatures.scribble().png();
        SignedCommitment c = client.signCommitment(TOKEN, CommitmentRequest.of(t, Optional.empty(), png,
                Instant.parse("2026-11-29T03:00:00Z")));
        assertThat(c.commitmentNo()).isEqualTo("YLCN-20261129-0003-000042");
        assertThat(c.publicUntil()).contains(LocalDate.parse("2027-02-27"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/api/v1/commitments");
        JsonNode body = Json.mapper().readTree(r.getBody().readByteArray());
        assertThat(body.get("templateId").asText()).isEqualTo("CN-1");
        assertThat(body.get("templateVersion").asInt()).isEqualTo(2);
        assertThat(body.get("textSha256").asText()).isEqualTo(SHA);
        assertThat(body.has("uscc")).isFalse();
        assertThat(java.util.Base64.getDecoder().decode(body.get("signatureImage").asText())).isEqualTo(png);
        assertThat(body.get("signedAt").asText()).isEqualTo("2026-11-29T03:00:00Z");
    }

    @Test
    void signingIsNeverRepeatedAndTemplateChangedArrivesTyped() {
        server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"code\":\"TEMPLATE_CHANGED\",\"message\":\"v3\"}"));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1")
                .setBody("{\"code\":\"RATE_LIMITED\",\"message\":\"m\"}"));
        CommitmentRequest request = new CommitmentRequest("CN-1", 2, SHA, Optional.empty(), "iVBORw0KGgo=", Instant.now());
        assertThatThrownBy(() -> client.signCommitment(TOKEN, request)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_CHANGED);
            assertThat(ErrorCatalog.of(e).recovery()).isEqualTo(ErrorCatalog.Recovery.REFETCH_TEMPLATES);
        });
        assertThatThrownBy(() -> client.signCommitment(TOKEN, request)).isInstanceOf(PlatformException.Api.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(request.toString()).doesNotContain("iVBOR");
    }

    @Test
    void aSignedCommitmentWithABadNumberOrForeignLinkIsRefused() {
        String ok = "{\"commitmentNo\":\"YLCN-20261129-0003-000042\",\"templateId\":\"CN-1\",\"title\":\"t\","
                + "\"signedAt\":\"2026-11-29T03:00:00Z\",\"verifyUrl\":\"https://credit-platform.example/v?c=YLCN-20261129-0003-000042\"}";
        server.enqueue(new MockResponse().setResponseCode(201).setBody(ok.replace("YLCN-20261129-0003-000042\",\"t", "../x\",\"t")));
        server.enqueue(new MockResponse().setResponseCode(201).setBody(ok.replace("credit-platform.example", "evil.example")));
        server.enqueue(new MockResponse().setResponseCode(201).setBody(ok.replace("CN-1", "CN-2")));
        CommitmentRequest request = new CommitmentRequest("CN-1", 2, SHA, Optional.empty(), "iVBORw0KGgo=", Instant.now());
        assertThatThrownBy(() -> client.signCommitment(TOKEN, request)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("commitmentNo");
        assertThatThrownBy(() -> client.signCommitment(TOKEN, request)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("verifyUrl");
        assertThatThrownBy(() -> client.signCommitment(TOKEN, request)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("another template");
    }

    @Test
    void registersTheCommitmentDigest() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        client.registerCommitmentDigest(TOKEN, "YLCN-20261129-0003-000042", new ReportDigest("a".repeat(64), 2));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getPath()).isEqualTo("/api/v1/commitments/YLCN-20261129-0003-000042/digest");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"sha256\":\"" + "a".repeat(64) + "\",\"pages\":2}");
        assertThatThrownBy(() -> client.registerCommitmentDigest(TOKEN, "../../x", new ReportDigest("a".repeat(64), 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filesAComplaintByUsccOrByName() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"ticketNo\":\"YL-TS-20261129-0001\","
                + "\"receivedAt\":\"2026-11-29T03:00:00Z\",\"department\":\"市场监督管理局\",\"dueOn\":\"2026-12-14\"}"));
        ComplaintTicket t = client.fileComplaint(TOKEN, new ComplaintRequest(ComplaintRequest.Target.byUscc("914403001922038216"),
                ComplaintRequest.Category.UNPAID_WAGES, "拖欠工人工资三个月未发放。", Optional.of(LocalDate.parse("2026-11-01")),
                Optional.of("13800000000")));
        assertThat(t.ticketNo()).isEqualTo("YL-TS-20261129-0001");
        assertThat(t.dueOn()).contains(LocalDate.parse("2026-12-14"));
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().readByteArray());
        assertThat(body.get("target").get("uscc").asText()).isEqualTo("914403001922038216");
        assertThat(body.get("target").has("name")).isFalse();
        assertThat(body.get("category").asText()).isEqualTo("UNPAID_WAGES");
        assertThat(body.get("occurredOn").asText()).isEqualTo("2026-11-01");
        assertThat(body.get("contactPhone").asText()).isEqualTo("13800000000");
    }

    @Test
    void complaintRequestsKeepTheContractsBounds() {
        assertThatThrownBy(() -> new ComplaintRequest(ComplaintRequest.Target.byName("某公司"), ComplaintRequest.Category.OTHER,
                "太短了", Optional.empty(), Optional.empty())).hasMessageContaining("description");
        assertThatThrownBy(() -> ComplaintRequest.Target.byUscc("12345")).hasMessageContaining("uscc");
        assertThatThrownBy(() -> new ComplaintRequest.Target(Optional.empty(), Optional.of(" "))).hasMessageContaining("uscc or a name");
        assertThatThrownBy(() -> new ComplaintRequest(ComplaintRequest.Target.byName("某公司"), ComplaintRequest.Category.OTHER,
                "说明足够长的一段描述文字", Optional.empty(), Optional.of("12345"))).hasMessageContaining("contactPhone");
        ComplaintRequest ok = new ComplaintRequest(ComplaintRequest.Target.byName("某公司"), ComplaintRequest.Category.OTHER,
                "说明足够长的一段描述文字", Optional.empty(), Optional.of("13912345678"));
        assertThat(ok.toString()).doesNotContain("13912345678").doesNotContain("描述");
    }

    @Test
    void verificationTellsACommitmentFromAReport() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"YLCN-20261129-0003-000042\",\"status\":\"VALID\","
                + "\"kind\":\"COMMITMENT\",\"title\":\"信用修复承诺书\"}"));
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"YLXY-20261127-0003-000187\",\"status\":\"VALID\"}"));
        ReportVerification c = client.verifyReport("YLCN-20261129-0003-000042");
        assertThat(c.effectiveKind()).isEqualTo(ReportVerification.Kind.COMMITMENT);
        assertThat(c.title()).contains("信用修复承诺书");
        assertThat(client.verifyReport("YLXY-20261127-0003-000187").effectiveKind()).isEqualTo(ReportVerification.Kind.REPORT);
    }
}
