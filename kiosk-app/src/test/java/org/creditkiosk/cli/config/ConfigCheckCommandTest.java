package org.creditkiosk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.creditkiosk.cli.Columns;
import org.creditkiosk.cli.KioskCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk config check} on a technician's local file: values as written in the file (milliseconds as numbers,
 * "not set" for an absent value) and the source column aligned on a terminal also after Chinese values.
 */
class ConfigCheckCommandTest {

    @TempDir
    Path dir;

    private List<String> check(Path file, StringWriter err) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new KioskCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute("config", "check", "--file", file.toString());
        assertThat(code).as(err.toString()).isZero();
        return Arrays.asList(out.toString().split("\\R"));
    }

    private static String line(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + key + " in " + lines));
    }

    @Test
    void valuesAsWrittenAndAlignedWithChineseValues() throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, String.join("\n",
                "kiosk.hallName=某某市政务服务中心",
                "kiosk.hallNameEn=Some City Service Hall",
                "platform.connectTimeoutMs=3000",
                "devices.idcard.port=/dev/kiosk-idcard",
                "kiosk.dataDir=" + dir.resolve("data"),
                ""), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        List<String> lines = check(file, err);

        assertThat(line(lines, "platform.connectTimeoutMs")).matches("platform\\.connectTimeoutMs +3000 +.*")
                .doesNotContain("PT");
        assertThat(line(lines, "platform.url")).matches("platform\\.url +not set +default");
        assertThat(line(lines, "devices.idcard.port")).contains(" /dev/kiosk-idcard ");
        assertThat(String.join("\n", lines)).doesNotContain("Optional", "PT3S", "PT0.");
        assertThat(lines.get(lines.size() - 1)).startsWith("configuration is valid");

        // The source column starts in the same terminal cell on every line, Chinese value or not.
        String fromFile = file.toString();
        int chinese = Columns.width(prefix(line(lines, "kiosk.hallName"), fromFile));
        assertThat(Columns.width(prefix(line(lines, "kiosk.hallNameEn"), fromFile))).isEqualTo(chinese);
        assertThat(Columns.width(prefix(line(lines, "platform.connectTimeoutMs"), fromFile))).isEqualTo(chinese);
        assertThat(Columns.width(prefix(line(lines, "platform.url"), "default"))).isEqualTo(chinese);
        // ... and a Chinese character counts two cells, so the padding after it is shorter in characters.
        assertThat(prefix(line(lines, "kiosk.hallName"), fromFile).length())
                .isLessThan(prefix(line(lines, "platform.url"), "default").length());
    }

    private static String prefix(String line, String source) {
        int at = line.lastIndexOf(source);
        assertThat(at).as(line).isPositive();
        return line.substring(0, at);
    }
}
