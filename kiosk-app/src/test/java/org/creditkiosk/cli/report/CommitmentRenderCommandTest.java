package org.creditkiosk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.e2e.HallFiles;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.signature.Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk commitment render} (issue 15) signs with the configured hall keystore and refuses a text whose hash lies. */
class CommitmentRenderCommandTest {

    @TempDir
    Path dir;

    private Path template;
    private Path commitment;
    private Path signature;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    static final List<String> TEXT = List.of("本单位自愿向社会作出公开信用承诺。", "如违反上述承诺，本单位自愿接受失信惩戒。");

    @BeforeEach
    void files() throws Exception {
        template = dir.resolve("template.json");
        Files.writeString(template, Json.mapper().writeValueAsString(new CommitmentTemplate("CN-ZD-2026-002", 1,
                CommitmentTemplate.Kind.VOLUNTARY, "市场主体公开信用承诺书", "榆林市发展和改革委员会", Optional.of("信用承诺公示"),
                TEXT, CommitmentTemplate.textSha256(TEXT), Optional.of(365))));
        commitment = dir.resolve("commitment.json");
        Files.writeString(commitment, """
                {"commitmentNo":"YLCN-20261129-0003-000042","templateId":"CN-ZD-2026-002","title":"市场主体公开信用承诺书",
                 "subjectNameMasked":"榆**","signedAt":"2026-11-29T03:00:00Z","publicUntil":"2027-11-29",
                 "verifyUrl":"https://credit-platform.example/v?c=YLCN-20261129-0003-000042"}""");
        signature = dir.resolve("signature.png");
        Files.write(signature, Signatures.scribble().png());
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new KioskCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void signsWithTheConfiguredHallKeystore() throws Exception {
        HallFiles hall = HallFiles.create(dir.resolve("etc"));
        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, hall.settings().entrySet().stream().filter(e -> e.getKey().startsWith("report."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")) + "\n");
        Path pdf = dir.resolve("out.pdf");
        int code = run("commitment", "render", "--template", template.toString(), "--commitment", commitment.toString(),
                "--signature", signature.toString(), "--organisation", "914403001922038216", "--subject-name", "某某公司",
                "--out", pdf.toString(), "--config-file", config.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("signed by ").contains("CN=Test Hall Seal").contains("1 pages");
        String sig = exec("pdfsig", pdf.toString());
        assertThat(sig).contains("Signer Certificate Common Name: Test Hall Seal").contains("Signature Validation: Signature is Valid.");
        String text = exec("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").replaceAll("\\s+", "");
        assertThat(text).contains(TEXT.get(0)).contains(TEXT.get(1)).contains("914403001922038216").contains("YLCN-20261129-0003-000042");
        assertThat(exec("pdfimages", "-list", pdf.toString())).containsPattern("image\\s+1000\\s+400");
    }

    @Test
    void refusesATemplateWhoseHashIsNotOfItsText() throws Exception {
        Files.writeString(template, Files.readString(template).replace("自愿接受失信惩戒", "自愿接受表彰"));
        Path pdf = dir.resolve("out.pdf");
        int code = run("commitment", "render", "--template", template.toString(), "--commitment", commitment.toString(),
                "--signature", signature.toString(), "--out", pdf.toString(), "--demo-dir", dir.resolve("keys").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("textSha256 is not the SHA-256 of the paragraphs");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void aSignatureThatIsNoImageIsOneLine() throws Exception {
        Files.writeString(signature, "not a png");
        int code = run("commitment", "render", "--template", template.toString(), "--commitment", commitment.toString(),
                "--signature", signature.toString(), "--out", dir.resolve("o.pdf").toString(), "--demo-dir", dir.resolve("keys").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("signature.png").contains("signature");
    }

    static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return s;
    }
}
