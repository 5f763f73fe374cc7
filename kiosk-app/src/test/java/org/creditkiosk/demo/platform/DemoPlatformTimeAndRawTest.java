package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.RequestSigner;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.ApiError;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.ReportVerification;
import org.junit.jupiter.api.Test;

/** Session expiry and report validity on a moved clock; raw signed requests for what the client refuses to send. */
class DemoPlatformTimeAndRawTest {

    static final String KIOSK = "YL-ZWDT-01-K03";

    @Test
    void sessionsExpireAndReportsAgeOrAreRevoked() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, secret, clock);
             HttpPlatformClient client = new HttpPlatformClient(server.clientSettings(), secret, clock,
                     RequestSigner.secureNonces(), CallObserver.NONE, d -> { })) {
            var session = client.openSession(OpenSessionRequest.idCard(DemoPlatformEndToEndTest.card("张明远")));
            assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-27T02:10:00Z"));
            SessionToken token = new SessionToken(session.sessionToken());
            CreditRecord record = client.getOwnRecord(token);
            var a = client.allocateReport(token, new AllocateReportRequest(record.recordId(), record.recordVersion(),
                    AllocateReportRequest.ReportKind.FULL));
            var b = client.allocateReport(token, new AllocateReportRequest(record.recordId(), record.recordVersion(),
                    AllocateReportRequest.ReportKind.SUMMARY));
            assertThat(a.reportNo()).isEqualTo("YLXY-20261127-0003-000001");
            assertThat(b.reportNo()).isEqualTo("YLXY-20261127-0003-000002");
            assertThat(a.validUntil()).isEqualTo(java.time.LocalDate.parse("2026-12-27"));

            clock.advance(Duration.ofMinutes(11));
            assertThatThrownBy(() -> client.getOwnRecord(token)).isInstanceOfSatisfying(PlatformException.Api.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_EXPIRED));

            server.revokeReport(b.reportNo());
            assertThat(client.verifyReport(b.reportNo()).status()).isEqualTo(ReportVerification.Status.REVOKED);
            assertThat(client.verifyReport(a.reportNo()).status()).isEqualTo(ReportVerification.Status.VALID);
            clock.advance(Duration.ofDays(31));
            assertThat(client.verifyReport(a.reportNo()).status()).isEqualTo(ReportVerification.Status.EXPIRED);
        }
    }

    @Test
    void rawSignedRequestsMeetTheServersOwnChecks() throws Exception {
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, secret, java.time.Clock.systemUTC());
             HttpPlatformClient client = server.client(CallObserver.NONE)) {
            var session = client.openSession(OpenSessionRequest.idCard(DemoPlatformEndToEndTest.card("刘卫东")));
            OkHttpClient raw = new OkHttpClient.Builder()
                    .addNetworkInterceptor(new RequestSigner(KIOSK, secret, java.time.Clock.systemUTC(), RequestSigner.secureNonces()))
                    .build();
            // The standard's own sample: its check character is wrong, so the platform refuses it.
            assertThat(rawError(raw, server.baseUrl() + "/v1/organizations/91350100M000100Y4Z/record", session.sessionToken(), null))
                    .isEqualTo("INVALID_ARGUMENT");
            // The demo-only fault header works per request.
            assertThat(rawError(raw, server.baseUrl() + "/v1/reports/X/verification", null, "PRINT_QUOTA_EXCEEDED"))
                    .isEqualTo("PRINT_QUOTA_EXCEEDED");
            assertThat(rawError(raw, server.baseUrl() + "/v1/reports/X/verification", null, "BOGUS"))
                    .isEqualTo("INVALID_ARGUMENT");
            // No signature at all.
            assertThat(rawError(new OkHttpClient(), server.baseUrl() + "/v1/reports/X/verification", null, null))
                    .isEqualTo("BAD_SIGNATURE");
            raw.dispatcher().executorService().shutdown();

            server.injectNextFault("status=502");
            assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Transport.class,
                    e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.UNREACHABLE));
            assertThat(client.getOrganizationRecord(new SessionToken(session.sessionToken()), "51610802MJY012344F")
                    .subject().name()).isEqualTo("榆林市榆阳区志愿服务联合会");
        }
    }

    static String rawError(OkHttpClient http, String url, String bearer, String fault) throws Exception {
        Request.Builder b = new Request.Builder().url(url);
        Optional.ofNullable(bearer).ifPresent(t -> b.header("Authorization", "Bearer " + t));
        Optional.ofNullable(fault).ifPresent(f -> b.header(DemoPlatformServer.FAULT_HEADER, f));
        try (Response r = http.newCall(b.build()).execute()) {
            assertThat(r.code()).isGreaterThanOrEqualTo(400);
            assertThat(r.header("X-Request-Id")).startsWith("demo-");
            return Json.mapper().readValue(r.body().bytes(), ApiError.class).code();
        }
    }
}
