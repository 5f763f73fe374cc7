package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.CircuitBreaker;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.session.MutableClock;
import org.creditkiosk.platform.PlatformAvailability;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformSettings;
import org.creditkiosk.platform.RequestSigner;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo platform enforces the contract (issue 6, acceptance 2) and the client passes its checks. */
class DemoPlatformContractTest {

    static final String KIOSK = "YL-ZWDT-01-K07";
    static final byte[] SECRET = DemoPlatformServer.newSecret();
    static DemoPlatformServer server;
    static HttpPlatformClient client;
    static final List<HttpPlatformClient> extra = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = DemoPlatformServer.start(DemoSettings.defaults().withFullReportsPerDay(2), KIOSK, SECRET, Clock.systemUTC());
        client = server.client(CallObserver.NONE);
    }

    @AfterAll
    static void stop() {
        client.close();
        extra.forEach(HttpPlatformClient::close);
        server.close();
    }

    static HttpPlatformClient client(byte[] secret, Clock clock, Supplier<String> nonces) {
        HttpPlatformClient c = new HttpPlatformClient(server.clientSettings(), secret, clock, nonces, CallObserver.NONE, d -> { });
        extra.add(c);
        return c;
    }

    static void assertCode(ThrowableAssertCall call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PlatformException.Api.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    interface ThrowableAssertCall {
        void run() throws Exception;
    }

    @Test
    void rejectsAWrongSignature() {
        byte[] wrong = DemoPlatformServer.newSecret();
        assertCode(() -> client(wrong, Clock.systemUTC(), RequestSigner.secureNonces()).verifyReport("YLXY-20261127-0003-000187"), ErrorCode.BAD_SIGNATURE);
        assertCode(() -> new HttpPlatformClient(PlatformSettings.of(server.baseUrl(), "YL-OTHER-K99", Optional.empty()), SECRET,
                Clock.systemUTC(), RequestSigner.secureNonces(), CallObserver.NONE, d -> { }).verifyReport("YLXY-20261127-0003-000187"), ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void rejectsAReplayedNonce() throws Exception {
        HttpPlatformClient fixed = client(SECRET, Clock.systemUTC(), () -> "00112233445566778899aabbccddeeff");
        fixed.verifyReport("YLXY-20261127-0003-000187");
        assertCode(() -> fixed.verifyReport("YLXY-20261127-0003-000187"), ErrorCode.REPLAYED_NONCE);
    }

    @Test
    void rejectsASkewedClockButToleratesTheWindow() throws Exception {
        assertCode(() -> client(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(400)), RequestSigner.secureNonces())
                .verifyReport("YLXY-20261127-0003-000187"), ErrorCode.CLOCK_SKEW);
        assertCode(() -> client(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-400)), RequestSigner.secureNonces())
                .verifyReport("YLXY-20261127-0003-000187"), ErrorCode.CLOCK_SKEW);
        client(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-240)), RequestSigner.secureNonces()).verifyReport("YLXY-20261127-0003-000187");
    }

    @Test
    void appCodes() throws Exception {
        var session = client.openSession(OpenSessionRequest.appQr("XYYL1.DEMO6Q0W3N8J2K5T7P4R1X9V"));
        assertThat(session.person().idNumberMasked()).startsWith("610824");
        client.closeSession(new SessionToken(session.sessionToken()));
        assertCode(() -> client.openSession(OpenSessionRequest.appQr("XYYL1.DEMOEXPIRED4K8N2Q6W1Z3Y7")), ErrorCode.QR_EXPIRED);
        assertCode(() -> client.openSession(OpenSessionRequest.appQr("XYYL1.DEMOUSED9T5R3E7U1I4O2P6Q")), ErrorCode.QR_USED);
        assertCode(() -> client.openSession(OpenSessionRequest.appQr("https://evil.example/")), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void publicListSearchPagesAndFilters() throws Exception {
        ListSearchPage all = client.searchPublicLists("榆林", Optional.empty(), 1, 2);
        assertThat(all.total()).isGreaterThan(2);
        assertThat(all.items()).hasSize(2);
        assertThat(all.items().get(0).listedOn()).isAfterOrEqualTo(all.items().get(1).listedOn());
        ListSearchPage black = client.searchPublicLists("神木", Optional.of(ListSearchPage.ListKind.BLACK), 1, 20);
        assertThat(black.items()).isNotEmpty().allMatch(i -> i.list() == ListSearchPage.ListKind.BLACK);
        ListSearchPage byCode = client.searchPublicLists("91610881MA7B2D41XD", Optional.empty(), 1, 20);
        assertThat(byCode.items()).singleElement().satisfies(i -> assertThat(i.listName()).isEqualTo("重大税收违法失信主体"));
        assertCode(() -> client.searchPublicLists("榆", Optional.empty(), 1, 20), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void reportQuotaRecordChangesAndObjections() throws Exception {
        var session = client.openSession(OpenSessionRequest.idCard(DemoPlatformEndToEndTest.card("李秀兰")));
        SessionToken token = new SessionToken(session.sessionToken());
        CreditRecord record = client.getOwnRecord(token);
        AllocateReportRequest full = new AllocateReportRequest(record.recordId(), record.recordVersion(), AllocateReportRequest.ReportKind.FULL);
        client.allocateReport(token, full);
        client.allocateReport(token, full);
        assertCode(() -> client.allocateReport(token, full), ErrorCode.PRINT_QUOTA_EXCEEDED);
        client.allocateReport(token, new AllocateReportRequest(record.recordId(), record.recordVersion(), AllocateReportRequest.ReportKind.SUMMARY));

        ObjectionTicket ticket = client.fileObjection(token, new ObjectionRequest("RL-P2-2", Optional.empty(), "志愿服务时长统计有误", "13912345678"));
        assertThat(ticket.status()).isEqualTo(ObjectionTicket.Status.RECEIVED);
        assertThat(ticket.dueOn().get()).isEqualTo(ticket.filedOn().get().plusDays(14));
        assertCode(() -> client.fileObjection(token, new ObjectionRequest("RL-P2-2", Optional.empty(), "再次提出异议申请", "13912345678")),
                ErrorCode.OBJECTION_OPEN);
        assertCode(() -> client.fileObjection(token, new ObjectionRequest("PN-E1-1", Optional.of("91610802MA70Q3K23B"), "不是我的单位", "13912345678")),
                ErrorCode.NOT_AUTHORIZED);
        // the objection changed the record: the old version can no longer be printed
        assertCode(() -> client.allocateReport(token, new AllocateReportRequest(record.recordId(), record.recordVersion(),
                AllocateReportRequest.ReportKind.SUMMARY)), ErrorCode.RECORD_CHANGED);
        CreditRecord again = client.getOwnRecord(token);
        assertThat(again.openObjections()).singleElement().extracting(ObjectionTicket::ticketNo).isEqualTo(ticket.ticketNo());
        client.closeSession(token);
    }

    @Test
    void kioskConfigHeartbeatAndCommands() throws Exception {
        String payload = Base64.getEncoder().encodeToString("{\"version\":2}".getBytes());
        server.setConfigBundle(new ConfigBundle("admin-2026", payload, "c2ln"));
        var first = client.getKioskConfig(Optional.empty());
        assertThat(first.bundle()).get().extracting(ConfigBundle::keyId).isEqualTo("admin-2026");
        assertThat(client.getKioskConfig(first.etag()).unchanged()).isTrue();

        server.queueCommand(new HeartbeatAnswer.Command("cmd-1", HeartbeatAnswer.CommandType.PRINT_TEST_PAGE, Optional.empty()));
        Heartbeat hb = new Heartbeat("0.1.0", 2L, 3600L, Optional.of("ATTRACT"),
                List.of(new Heartbeat.DeviceStatus(Heartbeat.DeviceKind.REPORT_PRINTER, Heartbeat.DeviceState.DEGRADED, Optional.of("PAPER_LOW"))),
                java.util.Map.of("sessions", 12L), java.util.Map.of(), List.of());
        HeartbeatAnswer answer = client.heartbeat(hb);
        assertThat(answer.commands()).extracting(HeartbeatAnswer.Command::commandId).containsExactly("cmd-1");
        assertThat(client.heartbeat(hb).commands()).isEmpty();
        client.reportCommandResult("cmd-1", new CommandResult(CommandResult.Outcome.DONE, Optional.empty()));
        assertThat(server.commandResults()).containsKey("cmd-1");
    }

    @Test
    void injectedFaultsReachTheClientTyped() throws Exception {
        server.injectNextFault("malformed");
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOf(PlatformException.Protocol.class);
        server.injectNextFault("truncated");
        assertThatThrownBy(() -> client.verifyReport("YLXY-20261127-0003-000187")).isInstanceOf(PlatformException.Protocol.class);
        server.injectNextFault("RATE_LIMITED");  // idempotent: retried after Retry-After, then succeeds
        assertThat(client.verifyReport("YLXY-20261127-0003-000187").reportNo()).isEqualTo("YLXY-20261127-0003-000187");
        server.injectNextFault("KIOSK_DISABLED");
        assertCode(() -> client.verifyReport("YLXY-20261127-0003-000187"), ErrorCode.KIOSK_DISABLED);
        HttpPlatformClient impatient = new HttpPlatformClient(server.clientSettings()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), SECRET, Clock.systemUTC(),
                RequestSigner.secureNonces(), CallObserver.NONE, d -> { });
        extra.add(impatient);
        server.injectNextFault("delay=2500");
        assertThatThrownBy(() -> impatient.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Transport.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.TIMEOUT));
    }

    @Test
    void anUnreachablePlatformOpensTheBreakerAndItClosesWhenThePlatformIsBack() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreaker.Settings.defaults(), clock);
        List<PlatformAvailability> events = new ArrayList<>();
        breaker.addListener(events::add);
        HttpPlatformClient watched = server.client(breaker);
        extra.add(watched);
        breaker.setProbe(() -> watched.getKioskConfig(Optional.empty()));
        server.setOffline(true);
        try {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> watched.verifyReport("YLXY-20261127-0003-000187")).isInstanceOfSatisfying(PlatformException.Transport.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.UNREACHABLE));
            }
            assertThat(breaker.availability().reason()).contains("UNREACHABLE");
            clock.advance(Duration.ofSeconds(10));
            breaker.tick();
            assertThat(breaker.availability().up()).isFalse();
        } finally {
            server.setOffline(false);
        }
        clock.advance(Duration.ofSeconds(20));
        breaker.tick();
        assertThat(breaker.availability().up()).isTrue();
        assertThat(events).extracting(PlatformAvailability::status)
                .containsExactly(PlatformAvailability.Status.DOWN, PlatformAvailability.Status.UP);
    }

    @Test
    void maintenanceTakesTheKioskDownAndItComesBackByItself() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreaker.Settings.defaults(), clock);
        List<PlatformAvailability> events = new ArrayList<>();
        breaker.addListener(events::add);
        HttpPlatformClient watched = server.client(breaker);
        extra.add(watched);
        breaker.setProbe(() -> watched.getKioskConfig(Optional.empty()));

        server.setMaintenance(Optional.of(Duration.ofSeconds(120)));  // longer than the client waits
        assertCode(() -> watched.verifyReport("YLXY-20261127-0003-000187"), ErrorCode.MAINTENANCE);
        assertThat(breaker.availability().up()).isFalse();
        assertThatThrownBy(() -> watched.verifyReport("YLXY-20261127-0003-000187")).isInstanceOf(PlatformException.Transport.class); // fails fast

        clock.advance(Duration.ofSeconds(10));
        breaker.tick();
        assertThat(breaker.availability().up()).isFalse();
        server.setMaintenance(Optional.empty());
        clock.advance(Duration.ofSeconds(20));
        breaker.tick();
        assertThat(breaker.availability().up()).isTrue();
        assertThat(watched.verifyReport("YLXY-20261127-0003-000187").reportNo()).isEqualTo("YLXY-20261127-0003-000187");
        assertThat(events).extracting(PlatformAvailability::status)
                .containsExactly(PlatformAvailability.Status.DOWN, PlatformAvailability.Status.UP);
    }
}
