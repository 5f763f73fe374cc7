package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract tests of the client against OkHttp's MockWebServer (issue 6, acceptance 1). */
class HttpPlatformClientTest {

    static final SessionToken TOKEN = new SessionToken("secret-token-value");
    static final String RECORD = """
            {"recordId":"R1","recordVersion":3,"generatedAt":"2026-11-27T03:00:00Z",
             "subject":{"kind":"PERSON","name":"测试","idNumberMasked":"610802********1234"}}""";

    MockWebServer server;
    HttpPlatformClient client;
    final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = client(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty()));
    }

    HttpPlatformClient client(PlatformSettings settings) {
        return new HttpPlatformClient(settings, new byte[32], Clock.systemUTC(), RequestSigner.secureNonces(),
                CallObserver.NONE, sleeps::add);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    static MockResponse error(int status, String code) {
        return new MockResponse().setResponseCode(status).setHeader("X-Request-Id", "rq-1")
                .setBody("{\"code\":\"" + code + "\",\"message\":\"m\"}");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeArrivesTypedWithItsCatalogueRow(ErrorCode code) {
        server.enqueue(error(code == ErrorCode.MAINTENANCE ? 500 : 400, code.name()));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.requestId()).contains("rq-1");
            assertThat(ErrorCatalog.of(e)).isSameAs(ErrorCatalog.forCode(code));
        });
    }

    @Test
    void unknownCodeIsInternal() {
        server.enqueue(error(400, "SOMETHING_NEW"));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(e.rawCode()).isEqualTo("SOMETHING_NEW");
        });
    }

    @Test
    void retryAfterIsHonouredForIdempotentCalls() throws Exception {
        server.enqueue(error(503, "MAINTENANCE").setHeader("Retry-After", "2"));
        server.enqueue(error(429, "RATE_LIMITED").setHeader("Retry-After", "1"));
        server.enqueue(new MockResponse().setBody(RECORD));
        assertThat(client.getOwnRecord(TOKEN).recordId()).isEqualTo("R1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(3);
        // each attempt is signed afresh: a platform would reject a repeated nonce
        String n1 = server.takeRequest().getHeader("X-Nonce");
        assertThat(server.takeRequest().getHeader("X-Nonce")).isNotEqualTo(n1);
    }

    @Test
    void aRetryAfterBeyondTheBoundIsNotWaitedFor() {
        server.enqueue(error(503, "MAINTENANCE").setHeader("Retry-After", "600"));
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Api.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(600)));
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void attemptsAreBounded() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(error(503, "MAINTENANCE").setHeader("Retry-After", "1"));
        }
        assertThatThrownBy(() -> client.closeSession(TOKEN)).isInstanceOf(PlatformException.Api.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void nonIdempotentCallsAreNeverRetried() {
        server.enqueue(error(503, "MAINTENANCE").setHeader("Retry-After", "1"));
        server.enqueue(error(503, "MAINTENANCE").setHeader("Retry-After", "1"));
        server.enqueue(error(429, "RATE_LIMITED").setHeader("Retry-After", "1"));
        assertThatThrownBy(() -> client.openSession(OpenSessionRequest.appQr("XYYL1.abcdefgh")))
                .isInstanceOf(PlatformException.Api.class);
        assertThatThrownBy(() -> client.allocateReport(TOKEN, new AllocateReportRequest("R1", 3L, AllocateReportRequest.ReportKind.FULL)))
                .isInstanceOf(PlatformException.Api.class);
        assertThatThrownBy(() -> client.fileObjection(TOKEN, new ObjectionRequest("P1", Optional.empty(), "数据有误，请核实", "13800000000")))
                .isInstanceOf(PlatformException.Api.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void nonIdempotentCallsAreNotResentAfterAConnectionDrop() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{}"));
        assertThatThrownBy(() -> client.openSession(OpenSessionRequest.appQr("XYYL1.abcdefgh")))
                .isInstanceOfSatisfying(PlatformException.Transport.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.UNREACHABLE));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedTruncatedAndWrongTypedAnswersAreProtocolErrors() {
        server.enqueue(new MockResponse().setBody("{\"recordId\": \"R1\", oops"));
        server.enqueue(new MockResponse().setBody(RECORD.substring(0, RECORD.length() / 2)));
        server.enqueue(new MockResponse().setBody(RECORD.replace("\"recordVersion\":3", "\"recordVersion\":\"3\"")));
        server.enqueue(new MockResponse().setBody(RECORD.replace("\"recordId\":\"R1\",", "")));
        server.enqueue(new MockResponse().setBody("[]"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOf(PlatformException.Protocol.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("测试").doesNotContain("1234"));
        }
    }

    @Test
    void protocolMessagesNameTheFieldNotTheValue() {
        server.enqueue(new MockResponse().setBody(RECORD.replace("\"name\":\"测试\"", "\"name\":[\"测试\"]")));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("subject.name").hasMessageNotContaining("测试");
    }

    @Test
    void anOversizedAnswerIsRefused() {
        String big = RECORD.replace("\"subject\"", "\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\",\"subject\"");
        server.enqueue(new MockResponse().setBody(big));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aSlowServerTimesOutWithinTheConfiguredBound() {
        client.close();
        client = client(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        server.enqueue(new MockResponse().setBody(RECORD).setBodyDelay(2, TimeUnit.SECONDS));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Transport.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.TIMEOUT));
    }

    @Test
    void perOperationLimitsApplyToThatOperationOnly() throws Exception {
        client.close();
        client = client(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty())
                .withLimits(Operation.HEARTBEAT, new PlatformSettings.TimeLimits(Duration.ofSeconds(1), Duration.ofMillis(300),
                        Duration.ofMillis(500))));
        server.enqueue(new MockResponse().setBody("{\"serverTime\":\"2026-11-27T03:00:00Z\"}").setBodyDelay(1500, TimeUnit.MILLISECONDS));
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"YLXY-20261127-0003-000187\",\"status\":\"UNKNOWN\"}").setBodyDelay(1500, TimeUnit.MILLISECONDS));
        var hb = new org.creditkiosk.platform.api.Heartbeat("0.1.0", 1L, 1L, Optional.empty(), java.util.List.of(), null, null, null);
        assertThatThrownBy(() -> client.heartbeat(hb)).isInstanceOfSatisfying(PlatformException.Transport.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.TIMEOUT));
        assertThat(client.verifyReport("YLXY-20261127-0003-000187").status()).isEqualTo(org.creditkiosk.platform.api.ReportVerification.Status.UNKNOWN);
    }

    @Test
    void aGatewayPageIsUnreachableNotAProtocolError() {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Transport.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.UNREACHABLE));
    }

    @Test
    void gatewayPagesCountAsTransportFailuresForTheBreaker() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreaker.Settings.defaults(), Clock.systemUTC());
        client.close();
        client = new HttpPlatformClient(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty()),
                new byte[32], Clock.systemUTC(), RequestSigner.secureNonces(), breaker, sleeps::add);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(504).setBody("<html>Gateway Timeout</html>"));
            assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOf(PlatformException.Transport.class);
        }
        assertThat(breaker.availability().up()).isFalse();
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).hasMessageContaining("circuit open");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        String url = server.url("/api").toString();
        server.shutdown();
        client.close();
        client = client(PlatformSettings.of(url, "K1", Optional.empty()));
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Transport.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.UNREACHABLE));
    }

    @Test
    void configAnswersCarryTheEtagAndUnderstand304() throws Exception {
        server.enqueue(new MockResponse().setHeader("ETag", "\"v7\"").setBody("{\"keyId\":\"k1\",\"payload\":\"e30=\",\"signature\":\"c2ln\"}"));
        server.enqueue(new MockResponse().setResponseCode(304));
        var first = client.getKioskConfig(Optional.empty());
        assertThat(first.bundle()).isPresent();
        assertThat(first.etag()).contains("\"v7\"");
        assertThat(client.getKioskConfig(first.etag()).unchanged()).isTrue();
        server.takeRequest();
        var second = server.takeRequest();
        assertThat(second.getPath()).isEqualTo("/api/v1/kiosks/K1/config");
        assertThat(second.getHeader("If-None-Match")).isEqualTo("\"v7\"");
    }

    @Test
    void theClockOffsetComesFromTheDateHeader() throws Exception {
        server.enqueue(new MockResponse().setHeader("Date", "Fri, 27 Nov 2026 03:00:00 GMT").setBody(
                "{\"reportNo\":\"YLXY-20261127-0003-000187\",\"status\":\"UNKNOWN\"}"));
        client.close();
        client = new HttpPlatformClient(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty()),
                new byte[32], Clock.fixed(java.time.Instant.parse("2026-11-27T03:10:00Z"), java.time.ZoneOffset.UTC),
                RequestSigner.secureNonces(), CallObserver.NONE, sleeps::add);
        client.verifyReport("YLXY-20261127-0003-000187");
        assertThat(client.lastClockOffset()).contains(Duration.ofMinutes(-10));
    }
}
