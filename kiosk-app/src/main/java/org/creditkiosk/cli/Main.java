package org.creditkiosk.cli;

/** Entry point of the kiosk jar; see {@link KioskCommand}. Not a JavaFX Application on purpose (classpath launch). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = KioskCommand.run(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
