package org.creditkiosk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkiosk.cli.KioskCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @TempDir
    Path dir;

    private Path record;
    private Path allocation;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        record = dir.resolve("record.json");
        try (InputStream in = getClass().getResourceAsStream("/report/person-wang.json")) {
            Files.write(record, in.readAllBytes());
        }
        allocation = dir.resolve("allocation.json");
        Files.writeString(allocation, """
                {"reportNo":"YLXY-20261127-0003-000187","verifyUrl":"https://credit-platform.example/v?r=YLXY-20261127-0003-000187",
                 "issuedAt":"2026-11-27T03:05:00Z","validUntil":"2026-12-27"}
                """);
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new KioskCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void rendersASignedPdf() throws IOException {
        Path pdf = dir.resolve("out.pdf");
        int code = run("report", "render", "--record", record.toString(), "--allocation", allocation.toString(),
                "--out", pdf.toString(), "--demo-dir", dir.resolve("keys").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString()).contains("3 pages").contains("sha256 ");
    }

    @Test
    void aMissingFieldIsOneLineNamingIt() throws IOException {
        Files.writeString(record, Files.readString(record).replace("\"name\": \"王建华\", ", ""));
        int code = run("report", "render", "--record", record.toString(), "--allocation", allocation.toString(),
                "--out", dir.resolve("x.pdf").toString(), "--demo-dir", dir.resolve("keys").toString());
        assertThat(code).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("record.json").contains("subject.name");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aWrongTypeNamesThePath() throws IOException {
        Files.writeString(allocation, """
                {"reportNo":"N1","verifyUrl":"https://x/v?r=N1","issuedAt":"2026-11-27T03:05:00Z","validUntil":42}
                """);
        int code = run("report", "render", "--record", record.toString(), "--allocation", allocation.toString(),
                "--out", dir.resolve("x.pdf").toString(), "--demo-dir", dir.resolve("keys").toString());
        assertThat(code).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("allocation.json").contains("validUntil");
    }

    @Test
    void brokenJsonAndAWrongKeystorePasswordAreClearLines() throws IOException {
        Files.writeString(record, "{\"recordId\": ");
        assertThat(run("report", "render", "--record", record.toString(), "--allocation", allocation.toString(),
                "--out", dir.resolve("x.pdf").toString())).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(err.toString()).contains("record.json").contains("line 1");

        files();
        Path p12 = dir.resolve("none.p12");
        Files.write(p12, new byte[] {1, 2, 3});
        Path pass = dir.resolve("pass");
        Files.writeString(pass, "secret\n");
        assertThat(run("report", "render", "--record", record.toString(), "--allocation", allocation.toString(),
                "--out", dir.resolve("x.pdf").toString(), "--keystore", p12.toString(), "--keystore-pass-file",
                pass.toString())).isEqualTo(RenderCommand.SIGNING_FAILED);
        assertThat(err.toString()).contains("signing failed").doesNotContain("secret");
    }
}
