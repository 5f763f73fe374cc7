package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.creditkiosk.app.ReportPipeline;
import org.creditkiosk.app.SessionController;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPLOAD_LOGS against the demo platform: the heartbeat's command uploads the log files (current and rolled, oldest
 * first) as gzip; a planted unmasked identity number, phone number or USCC-shaped code never leaves the kiosk, the
 * lines are dropped and counted in the command result; more than 5 MiB keeps the newest lines.
 */
class LogUploadTest {

    private static String gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCommandUploadsTheLogsWithoutALineThatCarriesPersonalData(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        ByteArrayOutputStream rolled = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(rolled)) {
            gz.write(("2026-11-30 09:00:00,001 INFO  [main] o.c.Kiosk - kiosk YL-DEMO-01-K01 started\n"
                    + "2026-11-30 09:05:00,001 INFO  [session] o.c.Session - card 610802********0026 read\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(logs.resolve("kiosk.2026-11-30.0.log.gz"), rolled.toByteArray());
        Files.writeString(logs.resolve("kiosk.log"), String.join("\n",
                "2026-12-01 09:00:00,001 INFO  [main] o.c.Kiosk - kiosk YL-DEMO-01-K01 started",
                "2026-12-01 09:01:00,001 WARN  [x] o.c.Bad - leaked 61080219900101123X by a bug",
                "2026-12-01 09:02:00,001 WARN  [x] o.c.Bad - leaked phone 13912345678 by a bug",
                "2026-12-01 09:03:00,001 WARN  [x] o.c.Bad - leaked code 92610802MA0XYW1234 by a bug",
                "2026-12-01 09:04:00,001 INFO  [platform] o.c.HttpPlatformClient - platform heartbeat -> 200 request-id demo-7 in 12 ms",
                "2026-12-01 09:05:00,001 INFO  [session] o.c.Session - report YLXY-20261201-0001-000042 printed for 610802********0026",
                ""));
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-01-K01",
                DemoPlatformServer.newSecret(), Clock.systemUTC());
             var client = server.client(CallObserver.NONE);
             SessionController controller = new SessionController(new Session(Clock.systemUTC(), SessionTimeouts.defaults()),
                     client, (token, record) -> new ReportPipeline.Failed(Notice.PrintProblem.PRINT_FAILED))) {
            controller.start();
            RemoteActions actions = new RemoteActions() {
                @Override
                public void printTestPage() {
                }

                @Override
                public Reload reloadConfig() {
                    throw new AssertionError();
                }

                @Override
                public void restart() {
                }

                @Override
                public CommandResult uploadLogs(String commandId) {
                    return new LogUpload(logs, client).upload(commandId);
                }
            };
            HeartbeatService hb = new HeartbeatService(client, controller, List.of(), List.of(), 0L, actions, Clock.systemUTC());
            server.queueCommand(new HeartbeatAnswer.Command("logs-1", HeartbeatAnswer.CommandType.UPLOAD_LOGS, Optional.empty()));
            hb.beat();
            CommandResult r = server.commandResults().get("logs-1");
            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(r.detail().get()).contains("uploaded 5 lines", "from 2 file(s)", "dropped 3 line(s) with personal data",
                    "identity numbers 1, phone numbers 1, USCC-shaped codes 1", "0 oldest line(s) cut");
            String sent = gunzip(server.uploadedLogs().get("logs-1"));
            assertThat(sent).doesNotContain("61080219900101123X").doesNotContain("13912345678").doesNotContain("92610802MA0XYW1234");
            assertThat(sent.lines().toList()).hasSize(5).first().asString().startsWith("2026-11-30 09:00:00");
            assertThat(sent).contains("610802********0026", "YLXY-20261201-0001-000042", "request-id demo-7");
            assertThat(sent.lines().reduce((a, b) -> b).orElseThrow()).startsWith("2026-12-01 09:05:00");
        }
    }

    @Test
    void moreThanFiveMebibytesKeepsTheNewestLines(@TempDir Path dir) throws Exception {
        Random random = new Random(12);
        StringBuilder b = new StringBuilder();
        byte[] noise = new byte[90];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(noise);
            b.append(String.format("2026-12-01 10:00:00,000 INFO  [t] o.c.X - line %06d %s%n", i, Base64.getEncoder().encodeToString(noise)));
        }
        Files.writeString(dir.resolve("kiosk.log"), b);
        LogUpload upload = new LogUpload(dir, new org.creditkiosk.platform.PlatformOps() {
            @Override
            public org.creditkiosk.platform.api.ConfigAnswer getKioskConfig(Optional<String> etag) {
                throw new AssertionError();
            }

            @Override
            public org.creditkiosk.platform.api.HeartbeatAnswer heartbeat(org.creditkiosk.platform.api.Heartbeat h) {
                throw new AssertionError();
            }

            @Override
            public void reportCommandResult(String id, CommandResult r) {
                throw new AssertionError();
            }

            @Override
            public byte[] getContent(String sha256) {
                throw new AssertionError();
            }

            @Override
            public void uploadLogs(String commandId, byte[] gzip) {
                throw new AssertionError();
            }
        });
        LogUpload.Prepared p = upload.prepare(upload.files());
        assertThat(p.gzip().length).isLessThanOrEqualTo(LogUpload.MAX_GZIP);
        assertThat(p.outcome().cut()).isPositive();
        List<String> sent = gunzip(p.gzip()).lines().toList();
        assertThat(sent.get(sent.size() - 1)).contains("line 099999");
        assertThat(sent.get(0)).contains(String.format("line %06d", p.outcome().cut()));
        assertThat(sent).hasSize(100_000 - p.outcome().cut());
        System.out.printf("logs: %d of 100000 lines kept in %d bytes gzip%n", sent.size(), p.gzip().length);
    }
}
