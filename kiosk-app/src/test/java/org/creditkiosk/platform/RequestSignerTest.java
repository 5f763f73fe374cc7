package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.ListSearchPage;
import org.junit.jupiter.api.Test;

/** The documented test vectors of docs/platform.md, computed independently with openssl. */
class RequestSignerTest {

    static final byte[] SECRET = Base64.getDecoder().decode("c2VjcmV0LWtleS1mb3ItdGVzdC12ZWN0b3JzLTAx");
    static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");
    static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void vector1PublicListSearchWithPercentEncodedQuery() {
        String canonical = RequestSigner.canonical("get",
                "/api/v1/public/lists?q=%E6%A6%86%E6%9E%97&list=BLACK&page=1&size=20", "2026-11-27T03:00:00Z",
                "0123456789abcdef0123456789abcdef", EMPTY_SHA);
        assertThat(canonical).isEqualTo("GET\n/api/v1/public/lists?q=%E6%A6%86%E6%9E%97&list=BLACK&page=1&size=20\n"
                + "2026-11-27T03:00:00Z\n0123456789abcdef0123456789abcdef\n" + EMPTY_SHA);
        assertThat(RequestSigner.sign(SECRET, canonical)).isEqualTo("55qV3dklKwha+Ql1ZIJH1yJxjX05q5Ro6yuSs5FelTI=");
    }

    @Test
    void vector2AllocateReportWithBody() {
        String body = "{\"recordId\":\"E-0001\",\"recordVersion\":12,\"kind\":\"FULL\"}";
        String sha = RequestSigner.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        assertThat(sha).isEqualTo("b1c98f6a98d171ee5ac12f029758b99ebc4aa4f0ef1bf677bfcfb88f06c927d3");
        assertThat(RequestSigner.sign(SECRET, RequestSigner.canonical("POST", "/api/v1/reports", "2026-11-27T03:00:00Z",
                "fedcba9876543210fedcba9876543210", sha))).isEqualTo("S4oFZ37erXjRMqEKrPu65HmFKZXkmmk97J5Uj0Rbj64=");
    }

    @Test
    void theClientSendsExactlyTheVectorsOnTheWire() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"page\":1,\"size\":20,\"total\":0,\"items\":[]}"));
            server.enqueue(new MockResponse().setResponseCode(201).setBody(
                    "{\"reportNo\":\"YLXY-20261127-0003-000001\",\"verifyUrl\":\"https://credit-platform.example/v?r=YLXY-20261127-0003-000001\","
                            + "\"issuedAt\":\"2026-11-27T03:00:00Z\",\"validUntil\":\"2026-12-27\"}"));
            server.start();
            String[] nonces = {"0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"};
            int[] i = {0};
            PlatformSettings settings = PlatformSettings.of(server.url("/api").toString(), "YL-ZWDT-01-K03", Optional.empty());
            try (HttpPlatformClient client = new HttpPlatformClient(settings, SECRET, Clock.fixed(AT.plusMillis(700), ZoneOffset.UTC),
                    () -> nonces[i[0]++], CallObserver.NONE, d -> { })) {
                client.searchPublicLists("榆林", Optional.of(ListSearchPage.ListKind.BLACK), 1, 20);
                client.allocateReport(new SessionToken("t0k3n"),
                        new AllocateReportRequest("E-0001", 12L, AllocateReportRequest.ReportKind.FULL));
            }
            RecordedRequest search = server.takeRequest();
            assertThat(search.getRequestLine()).isEqualTo(
                    "GET /api/v1/public/lists?q=%E6%A6%86%E6%9E%97&list=BLACK&page=1&size=20 HTTP/1.1");
            assertThat(search.getHeader("X-Kiosk-Id")).isEqualTo("YL-ZWDT-01-K03");
            assertThat(search.getHeader("X-Timestamp")).isEqualTo("2026-11-27T03:00:00Z");
            assertThat(search.getHeader("X-Nonce")).isEqualTo(nonces[0]);
            assertThat(search.getHeader("X-Body-SHA256")).isEqualTo(EMPTY_SHA);
            assertThat(search.getHeader("X-Signature")).isEqualTo("55qV3dklKwha+Ql1ZIJH1yJxjX05q5Ro6yuSs5FelTI=");
            assertThat(search.getHeader("Authorization")).isNull();

            RecordedRequest allocate = server.takeRequest();
            assertThat(allocate.getBody().readUtf8()).isEqualTo("{\"recordId\":\"E-0001\",\"recordVersion\":12,\"kind\":\"FULL\"}");
            assertThat(allocate.getHeader("X-Signature")).isEqualTo("S4oFZ37erXjRMqEKrPu65HmFKZXkmmk97J5Uj0Rbj64=");
            assertThat(allocate.getHeader("Authorization")).isEqualTo("Bearer t0k3n");
        }
    }

    @Test
    void secureNoncesAre32LowercaseHexAndDistinct() {
        var nonces = RequestSigner.secureNonces();
        String a = nonces.get();
        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(nonces.get()).isNotEqualTo(a);
    }
}
