package org.creditkiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Starting the kiosk itself. */
public final class RunCommand {

    private RunCommand() {
    }

    /** Opens the kiosk UI; returns the process exit code. */
    static int start(boolean demo) {
        throw new UnsupportedOperationException("the kiosk UI is wired in a later commit");
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
