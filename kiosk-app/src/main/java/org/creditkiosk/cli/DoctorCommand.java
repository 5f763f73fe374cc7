package org.creditkiosk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.assembly.Check;
import org.creditkiosk.assembly.Doctor;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.platform.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk doctor [--json]}: the table a hall reads before it opens the kiosk. Exit 0 only when nothing fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check everything a hall needs before it opens the kiosk: configuration layers, files and "
                + "permissions, the hall keystore, the platform (TLS, pins, signature, clock), each configured device "
                + "on its port, the CUPS queue, disk space and fonts. One line a check: OK, WARN or FAIL and why. "
                + "Exit 0 only when nothing fails, 1 otherwise."})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"checks\":[{\"name\",\"status\",\"detail\"}],\"result\"} instead of the table.")
    boolean json;

    @Option(names = "--file", paramLabel = "FILE", description = "The technician file (default: $KIOSK_CONFIG, else /etc/credit-kiosk/kiosk.properties).")
    Path file;

    @Spec
    CommandSpec spec;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<Check> checks = new ArrayList<>();
        try {
            KioskSettings s = ConfigLoader.standard(KioskHome.path(),
                    Optional.ofNullable(file).or(() -> Optional.ofNullable(environment.get("KIOSK_CONFIG")).map(Path::of)),
                    environment);
            checks.add(Check.ok("configuration layers", "valid" + (s.configVersion() > 0 ? ", signed bundle v" + s.configVersion() : "")));
            checks.addAll(Doctor.examine(s, environment, Clock.systemUTC()));
        } catch (ConfigException e) {
            e.problems().forEach(p -> checks.add(Check.fail("configuration layers", p)));
        }
        boolean failed = Check.anyFailed(checks);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("checks", checks.stream().map(c -> Map.of("name", c.name(), "status", c.status().name(), "detail", c.detail())).toList());
            doc.put("result", failed ? "FAIL" : "OK");
            out.println(Json.mapper().writeValueAsString(doc));
        } else {
            int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
            for (Check c : checks) {
                out.printf("%-4s  %-" + width + "s  %s%n", c.status(), c.name(), c.detail());
            }
            out.println(failed ? "NOT READY: fix every FAIL line, then run 'kiosk doctor' again" : "READY");
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
