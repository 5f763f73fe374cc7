package org.creditkiosk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.app.KioskRuntime;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.ui.KioskApplication;
import org.creditkiosk.ui.KioskNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starting the kiosk itself. */
public final class RunCommand {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private RunCommand() {
    }

    /** Opens the kiosk UI and blocks until it exits; returns the process exit code. */
    static int start(boolean demo) {
        KioskSettings settings;
        try {
            settings = ConfigLoader.standard(KioskHome.path(), Optional.ofNullable(System.getenv("KIOSK_CONFIG")).map(Path::of),
                    System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("invalid configuration: " + p));
            log.error("configuration rejected: {}", e.getMessage());
            return 2;
        }
        boolean demoMode = demo || settings.demoByDefault();
        if (demoMode && !demo) {
            log.info("platform.url is not set: starting in demo mode");
        }
        try (KioskRuntime runtime = KioskRuntime.start(settings, demoMode)) {
            KioskApplication.run(runtime, new KioskNotices());
            return 0;
        } catch (IOException e) {
            System.err.println("kiosk: cannot start: " + e.getMessage());
            log.error("cannot start: {}", e.toString());
            return 1;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Open the kiosk in demo mode: simulated devices, embedded demo platform, bundled fonts.")
    public static final class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            return start(true);
        }
    }
}
