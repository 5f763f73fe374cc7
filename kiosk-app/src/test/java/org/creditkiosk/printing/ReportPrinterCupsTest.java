package org.creditkiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints through CUPS into the cups-pdf queue {@code KioskPDF} made by {@code packaging/ci/setup-cups.sh} (run before
 * Maven: Java caches the printer list at first use) and checks what arrives.
 */
class ReportPrinterCupsTest {

    static final String QUEUE = "KioskPDF";

    @BeforeAll
    static void queueExists() {
        boolean known = Stream.of(PrintServiceLookup.lookupPrintServices(null, null))
                .map(PrintService::getName).anyMatch(QUEUE::equals);
        assumeTrue(known, "CUPS queue " + QUEUE + " does not exist for this JVM: run packaging/ci/setup-cups.sh "
                + "before Maven (needs cups, printer-driver-cups-pdf)");
    }

    @Test
    void reportArrivesAsAnA4PdfThatLooksLikeTheReport(@TempDir Path tmp) throws Exception {
        String title = "kiosk-test-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] pdf = TestPage.render(QUEUE, Instant.now().toString());
        Path original = tmp.resolve("original.pdf");
        Files.write(original, pdf);
        List<Path> spoolBefore = javaSpoolFiles();

        ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of(QUEUE));
        ReportPrinter.Printed printed = printer.print(pdf, title);

        assertThat(printed.pages()).isEqualTo(1);
        assertThat(printer.health().toString()).isEqualTo("READY");
        assertThat(printed.cupsJobId()).hasValueSatisfying(id -> assertThat(id).startsWith(QUEUE + "-"));
        Path arrived = awaitOutput(title);
        assertThat(run("pdfinfo", arrived.toString())).containsPattern("Pages:\\s+1\\b").containsPattern("595(\\.\\d+)? x 841.89|\\(A4\\)");
        // Java's PostScript spool file is gone.
        assertThat(javaSpoolFiles()).isSubsetOf(spoolBefore);

        // The report carries real text; the arriving PDF is compared by its rendering because Java's print path
        // (PDFPageable -> Java2D -> PostScript -> cups-pdf) draws glyphs as outlines: pdftotext finds no text in
        // what cups-pdf writes (docs/printing.md, "Checking the A4 path").
        String sent = run("pdftotext", "-layout", original.toString(), "-");
        for (String line : TestPage.lines(QUEUE, "")) {
            assertThat(sent.replaceAll("\\s+", " ")).contains(line.replaceAll("\\s+", " ").strip());
        }
        String text = run("pdftotext", "-layout", arrived.toString(), "-");
        if (!text.isBlank()) {
            assertThat(text).contains("Credit kiosk printer test page");
        }
        double same = inkOverlap(original, arrived, tmp);
        // Control: a page that differs in one line (another time stamp) must score clearly lower.
        Path other = tmp.resolve("other.pdf");
        Files.write(other, TestPage.render(QUEUE, "1999-01-01T00:00:00Z other"));
        double different = inkOverlap(other, arrived, tmp);
        System.out.printf("ink overlap: same report %.4f, other report %.4f%n", same, different);
        assertThat(same).isGreaterThan(0.995);
        assertThat(different).isLessThan(0.995);
        Files.deleteIfExists(arrived);   // cups-pdf output is ours to clean up
    }

    @Test
    void aStoppedQueueIsATypedFailureAndNothingIsQueued() throws Exception {
        assumeTrue(run("sh", "-c", "cupsdisable -r 'kiosk test: paper jam' " + QUEUE + " && echo ok").contains("ok"),
                "not allowed to stop CUPS queues here (needs root or lpadmin)");
        try {
            ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of(QUEUE));
            assertThat(printer.status().fault()).contains(PrintFailure.Code.QUEUE_STOPPED);
            assertThat(printer.status().message()).contains("paper jam");
            assertThat(printer.health().toString()).isEqualTo("OFFLINE(QUEUE_STOPPED)");
            assertThatThrownBy(() -> printer.print(TestPage.render(QUEUE, "stopped"), "kiosk-test-stopped"))
                    .isInstanceOfSatisfying(PrintFailure.class,
                            e -> assertThat(e.code()).isEqualTo(PrintFailure.Code.QUEUE_STOPPED));
            assertThat(run("lpstat", "-o", QUEUE)).doesNotContain(QUEUE + "-");
        } finally {
            run("cupsenable", QUEUE);
        }
    }

    @Test
    void aMissingQueueIsATypedFailureNeverTheDefaultPrinter() {
        ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of("NoSuchKioskQueue"));
        assertThat(printer.status().fault()).contains(PrintFailure.Code.QUEUE_MISSING);
        assertThatThrownBy(() -> printer.print(TestPage.render("x", "y"), "kiosk-test-missing"))
                .isInstanceOfSatisfying(PrintFailure.class,
                        e -> assertThat(e.code()).isEqualTo(PrintFailure.Code.QUEUE_MISSING));
    }

    /**
     * Share of dark pixels (at 72 dpi) in either rendering that have a dark pixel within two pixels in the other:
     * 1.0 when the pages look the same.
     */
    static double inkOverlap(Path a, Path b, Path tmp) throws Exception {
        int[][] pa = gray(a, tmp.resolve("a"));
        int[][] pb = gray(b, tmp.resolve("b"));
        if (pa.length != pb.length || pa[0].length != pb[0].length) {
            return 0;
        }
        return Math.min(covered(pa, pb), covered(pb, pa));
    }

    private static double covered(int[][] from, int[][] in) {
        int ink = 0;
        int hit = 0;
        for (int y = 0; y < from.length; y++) {
            for (int x = 0; x < from[0].length; x++) {
                if (from[y][x] < 128) {
                    ink++;
                    search:
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && xx >= 0 && yy < in.length && xx < in[0].length && in[yy][xx] < 200) {
                                hit++;
                                break search;
                            }
                        }
                    }
                }
            }
        }
        return ink == 0 ? 0 : hit / (double) ink;
    }

    /** Renders page 1 as a binary PGM (P5) with pdftoppm and reads it. */
    private static int[][] gray(Path pdf, Path prefix) throws Exception {
        run("pdftoppm", "-r", "72", "-gray", "-singlefile", pdf.toString(), prefix.toString());
        byte[] b = Files.readAllBytes(Path.of(prefix + ".pgm"));
        int pos = 0;
        int[] header = new int[3];
        // "P5" width height maxval, whitespace separated, then one byte per pixel.
        pos = 2;
        for (int f = 0; f < 3; f++) {
            while (Character.isWhitespace(b[pos])) {
                pos++;
            }
            int v = 0;
            while (!Character.isWhitespace(b[pos])) {
                v = v * 10 + (b[pos++] - '0');
            }
            header[f] = v;
        }
        pos++;
        int w = header[0];
        int h = header[1];
        int[][] px = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y][x] = b[pos + y * w + x] & 0xFF;
            }
        }
        return px;
    }

    private static List<Path> javaSpoolFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("javaprint")).toList();
        }
    }

    /** cups-pdf writes {@code <title>…job_N.pdf} into a per-user directory (see setup-cups.sh). */
    private static Path awaitOutput(String title) throws Exception {
        List<Path> dirs = Stream.of(Optional.ofNullable(System.getenv("KIOSK_CUPS_PDF_DIR")).orElse(""),
                        "/var/spool/cups-pdf", System.getProperty("user.home") + "/PDF")
                .filter(s -> !s.isEmpty()).map(Path::of).filter(Files::isDirectory).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (Path dir : dirs) {
                try (Stream<Path> s = Files.walk(dir, 2)) {
                    Optional<Path> hit = s.filter(p -> p.getFileName().toString().contains(title)
                            && p.toString().endsWith(".pdf")).findFirst();
                    if (hit.isPresent() && run("pdfinfo", hit.get().toString()).contains("Pages:")) {
                        return hit.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("cups-pdf wrote no PDF titled " + title + " under " + dirs);
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
