package org.creditkiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigKey;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigReference;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.ops.MaintenanceAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk config ...}: validate and show the effective configuration. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Configuration commands: validate and show the effective configuration, list the keys.",
        subcommands = {ConfigCommands.Check.class, ConfigCommands.Keys.class, ConfigCommands.HashPin.class})
public final class ConfigCommands {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load the configuration layers (shipped defaults, stored signed bundle, local file, environment), report every invalid key, print the effective values and where each came from. Exit 0 when valid, 2 when a layer is invalid, 3 when the stored signed bundle is refused (the kiosk would stay out of service).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--file", description = "Local configuration file (default: $KIOSK_CONFIG or /etc/credit-kiosk/kiosk.properties).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                KioskSettings s = ConfigLoader.standard(KioskHome.path(), Optional.ofNullable(file), System.getenv());
                out.print(table(s));
                s.unknownKeys().forEach(k -> out.println("unknown key (ignored): " + k));
                if (s.bundleRefusal().isPresent()) {
                    out.flush();
                    err.println(s.bundleRefusal().get());
                    err.println("the values above are without the bundle; the kiosk stays out of service until administrators send a valid newer bundle");
                    err.flush();
                    return 3;
                }
                out.println("configuration is valid" + (s.configVersion() > 0 ? " (signed bundle v" + s.configVersion() + ")" : ""));
                out.flush();
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(p -> err.println("invalid: " + p));
                err.flush();
                return 2;
            }
        }

        /**
         * Key, value as written in the file ({@link ConfigKey#written}), source; the columns aligned on a terminal
         * also when values are Chinese (two cells a character).
         */
        static String table(KioskSettings s) {
            int keyWidth = 0;
            int valueWidth = 0;
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            for (ConfigKey<?> k : ConfigKeys.all()) {
                String value = k.written(s.get(k)).replace("\n", "\\n").replace("\r", "\\r");
                rows.add(new String[] {k.name(), value, s.sourceOf(k)});
                keyWidth = Math.max(keyWidth, Columns.width(k.name()));
                valueWidth = Math.max(valueWidth, Math.min(48, Columns.width(value)));
            }
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                b.append(Columns.pad(r[0], keyWidth + 1)).append(Columns.pad(r[1], valueWidth + 1)).append(r[2])
                        .append(System.lineSeparator());
            }
            return b.toString();
        }
    }

    @Command(name = "hash-pin", mixinStandardHelpOptions = true,
            description = "Read a maintenance PIN (6 to 12 digits) from standard input and print the value for maintenance.pinHash.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the hash is printed", "2:the PIN is refused (fewer than 6 digits, more than 12, or not digits only)"})
    static final class HashPin implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.io.Console console = System.console();
            String pin;
            if (console != null) {
                char[] typed = console.readPassword("maintenance PIN: ");
                pin = typed == null ? null : new String(typed);
            } else {
                pin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            Optional<String> problem = MaintenanceAccess.pinProblem(pin == null ? "" : pin.strip());
            if (problem.isPresent()) {
                err.println("kiosk config hash-pin: PIN refused: " + problem.get());
                err.flush();
                return 2;
            }
            out.println(MaintenanceAccess.hash(pin.strip()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Print every key with type, default and bounds (Markdown).")
    static final class Keys implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(ConfigReference.markdownTable());
            return 0;
        }
    }
}
