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

    /**
     * Issue 12: a bundle on trial that the start checks refuse (here it removes the maintenance PIN hash the hall
     * relies on the administrators for) would exit 2 and keep the kiosk down; instead it fails its trial and the kiosk
     * starts on the last good bundle.
     */
    @Test
    void aTrialBundleThatBreaksTheStartChecksIsRolledBackAndTheKioskStartsOnTheLastGoodOne(@TempDir Path dir) throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        Map<String, String> technician = new java.util.LinkedHashMap<>(hall.settings());
        technician.remove("maintenance.pinHash");
        StringBuilder b = new StringBuilder();
        technician.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        b.append("platform.url=https://credit-platform.example/api\nplatform.pins=sha256/").append("A".repeat(43)).append("=\n");
        Path f = Files.writeString(dir.resolve("kiosk.properties"), b.toString());
        Path data = Path.of(technician.get("kiosk.dataDir"));
        var key = org.creditkiosk.config.BundleSigner.readPrivateKey(hall.adminPem);
        var good = org.creditkiosk.config.BundleSigner.sign(key, "admin-1", org.creditkiosk.config.BundleSigner.payload(1,
                java.time.Instant.now(), java.util.List.of(), Map.of("maintenance.pinHash",
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(org.creditkiosk.ops.MaintenanceAccess.hash(HallFiles.PIN)))));
        var breaking = org.creditkiosk.config.BundleSigner.sign(key, "admin-1", org.creditkiosk.config.BundleSigner.payload(2,
                java.time.Instant.now(), java.util.List.of(), Map.of("maintenance.pinHash",
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(""))));
        org.creditkiosk.config.ConfigTrial trial = new org.creditkiosk.config.ConfigTrial(data);
        trial.stage(good, 1);
        trial.promote();
        trial.stage(breaking, 2);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong(-1);
        int code = RunCommand.start(false, Map.of("KIOSK_CONFIG", f.toString()), new PrintStream(err, true, StandardCharsets.UTF_8),
                k -> version.set(k.settings().configVersion()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isZero();
        assertThat(version).as("started on the last good bundle").hasValue(1);
        assertThat(e).contains("configuration v2 on trial refused by the start checks (maintenance PIN:");
        assertThat(trial.read().failedVersion()).isEqualTo(2);
        assertThat(trial.read().failedReason()).startsWith("start checks failed: maintenance PIN");
        assertThat(new org.creditkiosk.config.VersionFloor(data).read()).isEqualTo(1);
    }
}
