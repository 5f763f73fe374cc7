package org.creditkiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.creditkiosk.ops.UsageCounters;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk stats} reads the kiosk's own store: what was counted today and what the heartbeat has not sent yet. */
class StatsCommandTest {

    @Test
    void printsTodayAndUnreportedFromTheStore(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        UsageCounters u = new UsageCounters(data);
        u.listSearch();
        u.listSearch();
        u.reported(Map.of("listSearches", 1L));
        Path file = Files.writeString(dir.resolve("kiosk.properties"), "kiosk.dataDir=" + data + "\n");

        StatsCommand cmd = new StatsCommand();
        cmd.environment = Map.of();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--file", file.toString(), "--json")).isZero();
        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.at("/today/listSearches").asLong()).isEqualTo(2);
        assertThat(doc.at("/unreported/listSearches").asLong()).isEqualTo(1);

        StringWriter table = new StringWriter();
        cli.setOut(new PrintWriter(table));
        assertThat(cli.execute("--file", file.toString())).isZero();
        assertThat(table.toString()).containsPattern("listSearches +2 +1");
        assertThat(new UsageCounters(data).counted()).as("reading changes nothing").containsEntry("listSearches", 1L);
    }
}
