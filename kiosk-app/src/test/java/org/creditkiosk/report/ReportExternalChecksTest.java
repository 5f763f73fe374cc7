package org.creditkiosk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ListEntry;
import org.creditkiosk.platform.api.ReportAllocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Issue 4, acceptance 1 and 2: every fixture (this module's test records and the demo records) checked by the tools
 * a recipient would use: qpdf, pdffonts, pdftotext, pdfsig, pdftoppm + zbarimg, and veraPDF (PDF/A-2b).
 */
class ReportExternalChecksTest {

    @TempDir
    static Path dir;

    /** Rendered once for all checks. */
    private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

    record Rendered(String name, CreditRecord record, ReportAllocation allocation, SignedReport report, Path file) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void renderAll() throws IOException {
        ReportService service = new ReportService(ReportSettings.demo(dir.resolve("keys")));
        int serial = 100;
        for (ReportFixtures.Fixture f : ReportFixtures.all()) {
            ReportAllocation a = ReportFixtures.allocation(serial++);
            SignedReport r = service.render(f.record(), a);
            Path file = dir.resolve(a.reportNo() + ".pdf");
            Files.write(file, r.pdf());
            RENDERED.put(f.name(), new Rendered(f.name(), f.record(), a, r, file));
        }
    }

    static Stream<Rendered> reports() {
        return RENDERED.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void qpdfFindsNoError(Rendered r) {
        Run run = tool("qpdf", "--check", r.file().toString());
        assertThat(run.exit).as(run.out).isZero();
        assertThat(run.out).contains("No syntax or stream encoding errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void pdffontsListsEveryFontEmbedded(Rendered r) {
        Run run = tool("pdffonts", r.file().toString());
        assertThat(run.exit).as(run.out).isZero();
        List<String> rows = run.out.lines().skip(2).toList();
        assertThat(rows).isNotEmpty();
        // Columns: name type encoding emb sub uni object ID
        for (String row : rows) {
            String[] c = row.trim().split("\\s+");
            assertThat(c[c.length - 5]).as("emb in: " + row).isEqualTo("yes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void pdftotextFindsNameNumberAndEveryListTitle(Rendered r) {
        Run run = tool("pdftotext", "-enc", "UTF-8", r.file().toString(), "-");
        assertThat(run.exit).as(run.out).isZero();
        // Table cells may wrap: compare without whitespace.
        String text = run.out.replaceAll("\\s+", "");
        assertThat(text).contains(r.record().subject().name());
        assertThat(text).contains(r.allocation().reportNo());
        for (ListEntry e : concat(r.record().redList(), r.record().blackList())) {
            assertThat(text).contains(e.listName().replaceAll("\\s+", ""));
        }
        assertThat(text).contains("第1页/共" + r.report().pages() + "页");
        assertThat(r.report().placeholders()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void pdfsigSaysValidAndWholeDocument(Rendered r) {
        Run run = tool("pdfsig", r.file().toString());
        // pdfsig exits 0 even on a digest mismatch (DESIGN.md §9): read what it says.
        assertThat(run.out).contains("Signature Validation: Signature is Valid.");
        assertThat(run.out).contains("Total document signed");
        assertThat(run.out).contains("ETSI.CAdES.detached");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void qrOnFirstAndLastPageHoldsExactlyTheVerifyUrl(Rendered r) throws IOException {
        // Only the region where the code is (A4 at 110 dpi is 909 x 1286 px): first page top right, last page
        // left column; each region must hold exactly one code.
        String[][] regions = {{"600", "120", "309", "330"}, {"0", "0", "380", "1286"}};
        int[] pages = {1, r.report().pages()};
        for (int k = 0; k < 2; k++) {
            int page = pages[k];
            String[] c = regions[k];
            Path png = dir.resolve(r.allocation().reportNo() + "-p" + page);
            Run ppm = tool("pdftoppm", "-r", "110", "-gray", "-f", String.valueOf(page), "-l", String.valueOf(page),
                    "-x", c[0], "-y", c[1], "-W", c[2], "-H", c[3],
                    "-png", "-singlefile", r.file().toString(), png.toString());
            assertThat(ppm.exit).as(ppm.out).isZero();
            Run zbar = toolStdout("zbarimg", "--raw", "-q", png + ".png");
            assertThat(zbar.out.strip()).as("QR on page " + page).isEqualTo(r.allocation().verifyUrl());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void veraPdfSaysPdfA2bCompliant(Rendered r) throws Exception {
        assertPdfA2b(r.report().pdf());
    }

    @Test
    void anImageSealInsteadOfTheVectorSealKeepsTheReportPdfA() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(240, 240,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(200, 20, 20, 220));
        g.setStroke(new java.awt.BasicStroke(12));
        g.drawOval(10, 10, 220, 220);
        g.dispose();
        Path png = dir.resolve("seal.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        ReportService service = new ReportService(ReportSettings.demo(dir.resolve("keys")).withSealImage(png));
        SignedReport report = service.render(ReportFixtures.named("person-wang.json").record(),
                ReportFixtures.allocation(77));
        assertPdfA2b(report.pdf());
        Path file = dir.resolve("image-seal.pdf");
        Files.write(file, report.pdf());
        assertThat(tool("pdfsig", file.toString()).out).contains("Signature is Valid");
    }

    private static void assertPdfA2b(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(
                new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED && failed.size() < 10) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
                }
            }
            assertThat(failed).as("veraPDF PDF/A-2b failures").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @Test
    void veraPdfRejectsAPlainPdfSoTheCheckAboveMeansSomething() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
        }
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(
                new ByteArrayInputStream(out.toByteArray()), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            assertThat(validator.validate(parser).isCompliant()).isFalse();
        }
    }

    @Test
    void aChangedByteInsideTheSignedRangeMakesTheSignatureInvalid() throws IOException {
        Rendered r = RENDERED.values().iterator().next();
        byte[] pdf = r.report().pdf();
        String latin1 = new String(pdf, StandardCharsets.ISO_8859_1);
        // Inside a content stream in the first signed range: the file still parses, only the digest changes.
        int at = latin1.indexOf("stream", pdf.length / 4) + 40;
        pdf[at] ^= 0x01;
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, pdf);
        Run run = tool("pdfsig", tampered.toString());
        assertThat(run.out).doesNotContain("Signature is Valid");
        assertThat(run.out).containsAnyOf("Signature is Invalid", "Digest Mismatch");
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    record Run(int exit, String out) {
    }

    /** Runs an external tool (skipping the test when it is not installed); stdout and stderr together. */
    static Run tool(String... command) {
        return run(true, command);
    }

    /** Stdout only (zbarimg chatters about D-Bus on stderr in containers). */
    static Run toolStdout(String... command) {
        return run(false, command);
    }

    private static Run run(boolean withStderr, String... command) {
        assumeTrue(onPath(command[0]), command[0] + " is not installed (CI installs poppler-utils, qpdf, zbar-tools)");
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (withStderr) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command[0] + " did not finish in 30 s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
