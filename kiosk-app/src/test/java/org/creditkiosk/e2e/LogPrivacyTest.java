package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.session.SessionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 6, acceptance 4: whole demo visits run while every log line (all loggers, DEBUG and up, with stack traces)
 * is captured; no line holds a fixture person's name, unmasked identity number, phone number or address.
 */
class LogPrivacyTest {

    private static final String PHONE = "13912345678";

    @Test
    void noPersonalDataInAnyLogLine(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger kiosk = ctx.getLogger("org.creditkiosk");
        Level rootLevel = root.getLevel();
        Level kioskLevel = kiosk.getLevel();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                lines.add(e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
            }
        };
        capture.setContext(ctx);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        kiosk.setLevel(Level.DEBUG);
        try (KioskHarness k = new KioskHarness(dir, Map.of("session.timeout.farewell", "3"))) {
            var demo = k.runtime.demo().orElseThrow();
            k.awaitScreen("attract", 10);
            for (int i = 0; i < demo.cards().size(); i++) {
                demo.place(i);
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> switch (k.runtime.controller().view().state()) {
                    case SHOWING_RECORD, CHOOSING_SUBJECT, NOTICE -> true;
                    default -> false;
                });
                var state = k.runtime.controller().view().state();
                if (state.name().equals("CHOOSING_SUBJECT")) {
                    k.runtime.controller().submit(new SessionEvent.ChooseOwnRecord());
                    k.awaitScreen("showing_record", 20);
                }
                if (i == 1) {
                    // a printed report and a filed objection go through the logs too
                    k.click("#print");
                    k.click("#print-confirm");
                    k.awaitScreen("farewell", 30);
                } else if (i == 2) {
                    var record = k.runtime.controller().view().record().orElseThrow();
                    String item = record.blackList().isEmpty() ? record.penalties().get(0).itemId() : record.blackList().get(0).itemId();
                    k.runtime.controller().submit(new SessionEvent.StartObjection(item));
                    k.runtime.controller().submit(new SessionEvent.SubmitObjection(
                            new ObjectionRequest(item, Optional.empty(), "该记录与事实不符，已于去年整改完毕", PHONE)));
                    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                            () -> k.runtime.controller().view().objectionTicket().isPresent());
                }
                demo.remove();
                k.awaitScreen("attract", 15);
            }
            demo.scan("XYYL1.DEMO6Q0W3N8J2K5T7P4R1X9V");
            k.awaitScreen("showing_record", 20);
            k.click("#finish");
            k.awaitScreen("farewell", 5);
        } finally {
            root.detachAppender(capture);
            root.setLevel(rootLevel);
            kiosk.setLevel(kioskLevel);
        }

        List<String> secrets = new ArrayList<>(List.of(PHONE));
        for (IdCardData c : DemoFixtures.load().cards()) {
            secrets.add(c.name());
            secrets.add(c.idNumber());
            c.address().ifPresent(secrets::add);
            c.englishName().ifPresent(secrets::add);
        }
        assertThat(lines).as("captured log lines").hasSizeGreaterThan(50);
        for (String secret : secrets) {
            assertThat(lines).as("no log line may contain '%s'", secret).noneMatch(l -> l.contains(secret));
        }
    }
}
