package org.creditkiosk.cli;

/** Entry point of the kiosk jar; see {@link KioskCommand}. Not a JavaFX Application on purpose (classpath launch). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && "demo".equals(args[0])) {
            // The kiosk's own screens: JavaFX starts before anything else (logging, command line, configuration),
            // on its own thread (start-up speed, issue 11).
            org.creditkiosk.ui.FxRuntime.start();
        }
        int code = KioskCommand.run(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
