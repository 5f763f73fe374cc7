package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code config/logback.xml} (what {@code packaging/bin/kiosk} hands the kiosk) loads under the logback
 * version we build with, without errors or deprecation warnings, and writes its rolling file: a logback upgrade that
 * removes or renames something we use fails here, not in a hall.
 */
class LogbackConfigurationTest {

    @Test
    void theShippedConfigurationLoadsCleanlyAndWritesItsFile(@TempDir Path logDir) throws Exception {
        Path home = Path.of(System.getProperty("kiosk.home", ".."));
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter());   // what logback's service provider does for the real context
        ctx.putProperty("kiosk.logDir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        configurator.doConfigure(home.resolve("config/logback.xml").toFile());
        try {
            ctx.getLogger("org.creditkiosk.ops").info("configuration check");
            assertThat(ctx.getStatusManager().getCopyOfStatusList())
                    .as("logback status while configuring and logging").allSatisfy(s -> assertThat(s.getLevel())
                            .as(s.toString()).isLessThan(Status.WARN));
        } finally {
            ctx.stop();
        }
        assertThat(Files.readString(logDir.resolve("kiosk.log"))).contains("INFO", "configuration check");
    }
}
