package org.creditkiosk.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** The lines one logger (and those below it) writes while this is open: a logback appender, as in LogPrivacyTest. */
public final class CapturedLog implements AutoCloseable {

    /** One captured line. */
    public record Line(String logger, Level level, String message) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final AppenderBase<ILoggingEvent> appender;

    public CapturedLog(String loggerName) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = ctx.getLogger(loggerName);
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                lines.add(new Line(e.getLoggerName(), e.getLevel(), e.getFormattedMessage()));
            }
        };
        appender.setContext(ctx);
        appender.start();
        logger.addAppender(appender);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    /** Forgets what was captured so far. */
    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
