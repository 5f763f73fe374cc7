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
}
