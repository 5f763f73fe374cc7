package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 10, item 8: what the platform sends is untrusted. Its error texts reach the log and the staff as one clean,
 * bounded line.
 */
class UntrustedAnswersTest {

    static final SessionToken TOKEN = new SessionToken("secret-token-value");
    /** A forged second log line, a terminal escape, a right-to-left override and far too much text. */
    static final String HOSTILE_MESSAGE = "denied\\r\\n2026-11-27 03:00:00 INFO platform UP\\u001b[2J\\u202Eflow\\u2028"
            + "x".repeat(5000);

    MockWebServer server;
    HttpPlatformClient client;
    final List<String> logLines = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new HttpPlatformClient(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty()),
                new byte[32], Clock.systemUTC(), RequestSigner.secureNonces(), CallObserver.NONE, d -> { });
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                logLines.add(e.getFormattedMessage());
            }
        };
        capture.setContext(ctx);
        capture.start();
        ctx.getLogger(HttpPlatformClient.class).addAppender(capture);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(HttpPlatformClient.class)).detachAppender(capture);
        client.close();
        server.shutdown();
    }

    static void assertOneCleanLine(String s) {
        assertThat(s).doesNotContain("\r", "\n", "\u001b", "\u202E", "\u2028");
        assertThat(s.chars().filter(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F))).isEmpty();
    }

    @Test
    void aHostileErrorMessageIsLoggedAndShownAsOneCleanBoundedLine() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("X-Request-Id", "rq-1")
                .setBody("{\"code\":\"INVALID_ARGUMENT\",\"message\":\"" + HOSTILE_MESSAGE + "\","
                        + "\"requestId\":\"rq\\n-forged\"}"));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertOneCleanLine(e.getMessage());
            assertThat(e.getMessage()).contains("denied??2026-11-27").contains("…")
                    .hasSizeLessThan(UntrustedText.MAX_LOG_CHARS + 100);
            assertThat(e.requestId()).contains("rq?-forged");
        });
        assertThat(logLines).isNotEmpty().allSatisfy(UntrustedAnswersTest::assertOneCleanLine);
        assertThat(String.join("|", logLines)).contains("INVALID_ARGUMENT").doesNotContain("x".repeat(300));
    }

    @Test
    void aHostileErrorCodeIsCleanedToo() {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"code\":\"NEW\\r\\nFORGED\",\"message\":\"m\"}"));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(e.rawCode()).isEqualTo("NEW??FORGED");
            assertOneCleanLine(e.getMessage());
        });
        assertThat(logLines).allSatisfy(UntrustedAnswersTest::assertOneCleanLine);
    }

    @Test
    void theStaffDetailAndTheCatalogueLineStayClean() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "600")
                .setBody("{\"code\":\"MAINTENANCE\",\"message\":\"" + HOSTILE_MESSAGE + "\"}"));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Api.class, e -> {
            // what the maintenance side and `kiosk platform check` show
            String staff = e.getMessage() + " | " + ErrorCatalog.of(e).staffDetail();
            assertOneCleanLine(staff);
        });
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("[MAINTENANCE]"))
                .allSatisfy(UntrustedAnswersTest::assertOneCleanLine);
    }

    @Test
    void aMalformedStatusLineFromTheServerCannotForgeALogLine() {
        // OkHttp quotes a broken status line in its ProtocolException: server text inside a transport failure
        server.enqueue(new MockResponse().setStatus("HTTP/1.1 2x0 \u001b[2J\u202Eevil"));
        assertThatThrownBy(() -> client.getOwnRecord(TOKEN)).isInstanceOfSatisfying(PlatformException.Transport.class, e -> {
            assertThat(e.getMessage()).contains("Unexpected status line");
            assertOneCleanLine(e.getMessage());
        });
        assertThat(logLines).allSatisfy(UntrustedAnswersTest::assertOneCleanLine);
    }

    // ---- item 8b: report numbers and command ids never become a path -----------------------------------------

    static final String GOOD_NO = "YLXY-20261127-0003-000187";
    /** Path traversal, an encoded slash, a line break, a dot segment, lower case, and a far too long number. */
    static final List<String> BAD_IDS = List.of("../../v1/kiosks/K1/config", GOOD_NO + "/../../x", "..", ".",
            "YLXY-20261127-0003-000187%2F..%2Fx", "%2e%2e", GOOD_NO + "\n", GOOD_NO + "\r\nX-Forged: 1",
            "ylxy-20261127-0003-000187", GOOD_NO + "0", "YLXY-20261127-0003-" + "0".repeat(10_000), "", " ");

    static String allocation(String reportNo) {
        return "{\"reportNo\":" + json(reportNo) + ",\"verifyUrl\":\"https://credit-platform.example/v?r=" + GOOD_NO
                + "\",\"issuedAt\":\"2026-11-27T03:05:00Z\",\"validUntil\":\"2026-12-27\"}";
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    static final org.creditkiosk.platform.api.AllocateReportRequest FULL = new org.creditkiosk.platform.api.AllocateReportRequest(
            "R1", 3L, org.creditkiosk.platform.api.AllocateReportRequest.ReportKind.FULL);

    @Test
    void aGoodReportNumberPasses() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(201).setBody(allocation(GOOD_NO)));
        assertThat(client.allocateReport(TOKEN, FULL).reportNo()).isEqualTo(GOOD_NO);
    }

    @Test
    void anAllocatedReportNumberThatBreaksThePatternIsAProtocolError() {
        for (String bad : BAD_IDS) {
            if (bad.isBlank()) {
                continue; // a blank number is already a missing required field
            }
            server.enqueue(new MockResponse().setResponseCode(201).setBody(allocation(bad)));
            assertThatThrownBy(() -> client.allocateReport(TOKEN, FULL)).as(bad)
                    .isInstanceOfSatisfying(PlatformException.Protocol.class, e -> {
                        assertThat(e.getMessage()).contains("reportNo").doesNotContain("..", "%2", "0000000000");
                        assertOneCleanLine(e.getMessage());
                    });
        }
        assertThat(ErrorCatalog.of(new PlatformException.Protocol("x", null)).key()).isEqualTo(Notice.PROTOCOL.code());
    }

    @Test
    void aBadReportNumberNeverReachesTheWire() {
        for (String bad : BAD_IDS) {
            assertThatThrownBy(() -> client.verifyReport(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertOneCleanLine(e.getMessage()));
            assertThatThrownBy(() -> client.registerReportDigest(TOKEN, bad,
                    new org.creditkiosk.platform.api.ReportDigest("0".repeat(64), 1))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aVerificationMustBeAboutTheNumberAskedFor() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"" + GOOD_NO + "\",\"status\":\"VALID\"}"));
        assertThat(client.verifyReport(GOOD_NO).status())
                .isEqualTo(org.creditkiosk.platform.api.ReportVerification.Status.VALID);
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"YLXY-20261127-0003-000188\",\"status\":\"VALID\"}"));
        assertThatThrownBy(() -> client.verifyReport(GOOD_NO)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("another report number");
        server.enqueue(new MockResponse().setBody("{\"reportNo\":\"../x\",\"status\":\"VALID\"}"));
        assertThatThrownBy(() -> client.verifyReport(GOOD_NO)).isInstanceOf(PlatformException.Protocol.class)
                .hasMessageContaining("reportNo");
    }

    static String heartbeatAnswer(String commandId) {
        return "{\"serverTime\":\"2026-11-27T03:00:00Z\",\"commands\":[{\"commandId\":\"cmd-1\",\"type\":\"RESTART_APP\"},"
                + "{\"commandId\":" + json(commandId) + ",\"type\":\"PRINT_TEST_PAGE\"}]}";
    }

    static final org.creditkiosk.platform.api.Heartbeat BEAT = new org.creditkiosk.platform.api.Heartbeat("0.1.0", 1L, 1L,
            Optional.empty(), List.of(), null, null, null);

    @Test
    void commandIdsThatBreakThePatternMakeTheHeartbeatAnswerAProtocolError() throws Exception {
        server.enqueue(new MockResponse().setBody(heartbeatAnswer("3f2c9a4e-1b7d-4c55-9e0a-6d2f8b1c7a90")));
        assertThat(client.heartbeat(BEAT).commands()).hasSize(2);
        List<String> bad = new java.util.ArrayList<>(BAD_IDS.subList(0, 8));
        bad.addAll(List.of("a/b", "a\\b", "a%2Fb", "c 1", "x".repeat(65), "-x", "_x", "c\u202E1"));
        for (String id : bad) {
            server.enqueue(new MockResponse().setBody(heartbeatAnswer(id)));
            assertThatThrownBy(() -> client.heartbeat(BEAT)).as(id).isInstanceOfSatisfying(PlatformException.Protocol.class,
                    e -> assertThat(e.getMessage()).contains("commands[1].commandId").doesNotContain("..", "%2", "xxxx"));
        }
    }

    @Test
    void aBadCommandIdNeverReachesTheWire() throws Exception {
        var done = new org.creditkiosk.platform.api.CommandResult(org.creditkiosk.platform.api.CommandResult.Outcome.DONE,
                Optional.empty());
        for (String id : List.of("..", ".", "../../config", "a/b", "a%2Fb", "c\n1", "x".repeat(65), "")) {
            assertThatThrownBy(() -> client.reportCommandResult(id, done)).as(id).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertOneCleanLine(e.getMessage()));
        }
        assertThat(server.getRequestCount()).isZero();
        server.enqueue(new MockResponse().setResponseCode(204));
        client.reportCommandResult("cmd-1.retry_2", done);
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/kiosks/K1/commands/cmd-1.retry_2/result");
    }

    // ---- item 8c: the verification link leads to the configured host -----------------------------------------

    static String allocationWithLink(String verifyUrl) {
        return "{\"reportNo\":\"" + GOOD_NO + "\",\"verifyUrl\":" + json(verifyUrl)
                + ",\"issuedAt\":\"2026-11-27T03:05:00Z\",\"validUntil\":\"2026-12-27\"}";
    }

    @Test
    void aVerifyUrlOfAnotherHostOrWithoutHttpsIsAProtocolError() throws Exception {
        for (String url : List.of("https://evil.example/v?r=" + GOOD_NO, "http://credit-platform.example/v?r=" + GOOD_NO,
                "https://credit-platform.example.evil.example/v?r=" + GOOD_NO, "https://u@credit-platform.example/v",
                "https://credit-platform.example:8443/v?r=" + GOOD_NO, "https://credit-platform.example/v?r=\n" + GOOD_NO,
                "data:text/html,<script>", "https://credit-platform.example/" + "v".repeat(300))) {
            server.enqueue(new MockResponse().setResponseCode(201).setBody(allocationWithLink(url)));
            assertThatThrownBy(() -> client.allocateReport(TOKEN, FULL)).as(url)
                    .isInstanceOfSatisfying(PlatformException.Protocol.class, e -> {
                        assertThat(e.getMessage()).startsWith("allocateReport: verifyUrl ").doesNotContain("evil", "data:");
                        assertOneCleanLine(e.getMessage());
                    });
        }
    }

    @Test
    void theVerifyHostComesFromTheSettings() throws Exception {
        client.close();
        client = new HttpPlatformClient(PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty())
                .withVerifyHost("xinyong.yulin.example"), new byte[32], Clock.systemUTC(), RequestSigner.secureNonces(),
                CallObserver.NONE, d -> { });
        server.enqueue(new MockResponse().setResponseCode(201).setBody(allocationWithLink("https://xinyong.yulin.example/v?r=" + GOOD_NO)));
        assertThat(client.allocateReport(TOKEN, FULL).verifyUrl()).isEqualTo("https://xinyong.yulin.example/v?r=" + GOOD_NO);
        server.enqueue(new MockResponse().setResponseCode(201).setBody(allocationWithLink("https://credit-platform.example/v?r=" + GOOD_NO)));
        assertThatThrownBy(() -> client.allocateReport(TOKEN, FULL)).isInstanceOf(PlatformException.Protocol.class);
    }
}
