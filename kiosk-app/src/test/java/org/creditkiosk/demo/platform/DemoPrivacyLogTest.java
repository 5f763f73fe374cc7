package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportDigest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Whole demo sessions with every log line captured: none carries a fixture's personal data or the token. */
class DemoPrivacyLogTest {

    @Test
    void noPersonalDataInAnyLogLine() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        // Capture everything the kiosk's code logs, whatever logback-test.xml says.
        Logger kiosk = context.getLogger("org.creditkiosk");
        ch.qos.logback.classic.Level before = kiosk.getLevel();
        kiosk.setLevel(ch.qos.logback.classic.Level.ALL);
        List<String> tokens = new ArrayList<>();
        DemoFixtures fixtures = DemoFixtures.load();
        String phone = "13987654321";
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-ZWDT-01-K03",
                DemoPlatformServer.newSecret(), Clock.systemUTC());
             HttpPlatformClient client = server.client(CallObserver.NONE)) {
            for (IdCardData card : fixtures.cards()) {
                PlatformSession session;
                try {
                    session = client.openSession(OpenSessionRequest.idCard(card));
                } catch (PlatformException.Api revoked) {
                    continue;
                }
                tokens.add(session.sessionToken());
                SessionToken token = new SessionToken(session.sessionToken());
                CreditRecord own = client.getOwnRecord(token);
                for (var rep : session.represents()) {
                    CreditRecord org = client.getOrganizationRecord(token, rep.uscc());
                    client.allocateReport(token, new AllocateReportRequest(org.recordId(), org.recordVersion(),
                            AllocateReportRequest.ReportKind.SUMMARY));
                }
                var report = client.allocateReport(token, new AllocateReportRequest(own.recordId(), own.recordVersion(),
                        AllocateReportRequest.ReportKind.FULL));
                client.registerReportDigest(token, report.reportNo(), new ReportDigest("0f".repeat(32), 2));
                client.verifyReport(report.reportNo());
                String item = own.commitments().isEmpty() ? "nope" : own.commitments().get(0).itemId();
                try {
                    client.fileObjection(token, new ObjectionRequest(item, Optional.empty(), "信息与事实不符，请核查", phone));
                } catch (PlatformException.Api ignored) {
                    // items without commitments: SUBJECT_NOT_FOUND, logged like any failure
                }
                server.injectNextFault("malformed");
                assertThatThrownBy(() -> client.getOwnRecord(token)).isInstanceOf(PlatformException.Protocol.class);
                client.closeSession(token);
            }
        } finally {
            root.detachAppender(appender);
            kiosk.setLevel(before);
        }
        List<String> lines = appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).hasSizeGreaterThan(50);
        List<String> forbidden = new ArrayList<>(tokens);
        forbidden.add(phone);
        for (IdCardData card : fixtures.cards()) {
            forbidden.add(card.name());
            forbidden.add(card.idNumber());
            card.address().ifPresent(forbidden::add);
        }
        for (String line : lines) {
            for (String f : forbidden) {
                assertThat(line).as("log line").doesNotContain(f);
            }
        }
    }
}
