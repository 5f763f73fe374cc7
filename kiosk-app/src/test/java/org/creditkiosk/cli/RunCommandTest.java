package org.creditkiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.creditkiosk.e2e.HallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk} never falls back to demo: an incomplete or misspelt technician file exits 2 before any window. */
class RunCommandTest {

    private record Run(int code, String err, boolean windowOpened) {
    }

    private static Run kiosk(Path technicianFile) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicBoolean window = new AtomicBoolean();
        int code = RunCommand.start(false, Map.of("KIOSK_CONFIG", technicianFile.toString()),
                new PrintStream(err, true, StandardCharsets.UTF_8), k -> window.set(true));
        return new Run(code, err.toString(StandardCharsets.UTF_8), window.get());
    }

    private static String file(HallFiles hall, String... extra) {
        StringBuilder b = new StringBuilder();
        hall.settings().forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        for (String line : extra) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    @Test
    void withoutAPlatformUrlTheKioskRefusesToStartNamingTheKey(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        Path f = Files.writeString(dir.resolve("kiosk.properties"), file(hall));
        Run r = kiosk(f);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.windowOpened()).isFalse();
        assertThat(r.err()).contains("refusing to start: platform URL: platform.url is not set");
        assertThat(r.err()).doesNotContain("demo platform listening");
    }

    @Test
    void aMisspeltKeyRefusesToStartNamingIt(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        Path f = Files.writeString(dir.resolve("kiosk.properties"),
                file(hall, "platfrom.url=https://credit-platform.example/api", "platform.pins=sha256/" + "A".repeat(43) + "="));
        Run r = kiosk(f);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.windowOpened()).isFalse();
        assertThat(r.err()).contains("unknown key 'platfrom.url'").contains("did you mean 'platform.url'");
    }

    @Test
    void anInvalidValueRefusesToStart(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("kiosk.properties"), "devices.idcard.baud=12\n");
        Run r = kiosk(f);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("devices.idcard.baud");
    }
}
