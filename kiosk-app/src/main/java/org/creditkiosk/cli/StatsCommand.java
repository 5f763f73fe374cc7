package org.creditkiosk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.ops.UsageCounters;
import org.creditkiosk.platform.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk stats [--json]}: today's usage figures and those not yet reported in an accepted heartbeat, from the
 * kiosk's own store ({@code <data dir>/usage-counters.properties}; contract 1.1 counter and latency names; no
 * personal data). Read-only: it never changes what the heartbeat will send.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print today's usage figures and those the heartbeat has not reported yet (contract 1.1 names).")
public final class StatsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"day\",\"today\":{},\"unreported\":{},\"latencyMs\":{}}.")
    boolean json;

    @Option(names = "--file", paramLabel = "FILE", description = "The technician file (default: $KIOSK_CONFIG, else /etc/credit-kiosk/kiosk.properties).")
    Path file;

    @Spec
    CommandSpec spec;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskSettings s;
        try {
            s = ConfigLoader.standard(KioskHome.path(), Optional.ofNullable(file)
                    .or(() -> Optional.ofNullable(environment.get("KIOSK_CONFIG")).map(Path::of)), environment);
        } catch (ConfigException e) {
            err.println("stats: invalid configuration (run 'kiosk config check'): " + e.getMessage());
            return 2;
        }
        UsageCounters.Figures f = new UsageCounters(ConfigLoader.dataDir(s)).figures();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("day", f.day().toString());
            doc.put("today", f.today());
            doc.put("unreported", f.unreported());
            doc.put("latencyMs", f.latencyMs());
            out.println(Json.mapper().writeValueAsString(doc));
        } else {
            out.printf("%-28s %10s %12s%n", "usage " + f.day(), "today", "unreported");
            TreeSet<String> keys = new TreeSet<>(f.today().keySet());
            keys.addAll(f.unreported().keySet());
            for (String k : keys) {
                out.printf("%-28s %10d %12d%n", k, f.today().getOrDefault(k, 0L), f.unreported().getOrDefault(k, 0L));
            }
            if (f.latencyMs().isEmpty()) {
                out.println("latency (ms, not yet reported): no samples");
            } else {
                f.latencyMs().forEach((k, v) -> out.printf("%-28s %10d ms%n", k, v));
            }
        }
        out.flush();
        return 0;
    }
}
