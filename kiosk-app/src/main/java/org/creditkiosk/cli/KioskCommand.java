package org.creditkiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of {@code packaging/bin/kiosk}. Without arguments it opens the kiosk with the configured devices and
 * platform; {@code kiosk demo} opens it in demo mode; groups hold the technician and administrator commands.
 */
@Command(name = "kiosk",
        mixinStandardHelpOptions = true,
        versionProvider = KioskCommand.Version.class,
        description = "Self-service public credit kiosk. Without a command: start the kiosk.",
        subcommands = {
            RunCommand.Demo.class,
            DeviceCommands.class,
            ReportCommands.class,
            CommitmentCommands.class,
            PlatformCommands.class,
            ConfigCommands.class,
            DoctorCommand.class,
            StatsCommand.class,
            AdminCommands.class,
            CommandLine.HelpCommand.class
        })
public final class KioskCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return RunCommand.start(false);
    }

    /** {@code kiosk --version}: the jar manifest's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"credit-kiosk " + org.creditkiosk.app.KioskVersion.current()};
        }
    }

    public static int run(String... args) {
        return new CommandLine(new KioskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
