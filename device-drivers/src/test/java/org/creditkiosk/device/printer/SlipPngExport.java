package org.creditkiosk.device.printer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.creditkiosk.device.link.PipeLink;

/**
 * Prints the sample summary slip through the real encoder into the simulator and writes the simulator's PNG:
 * {@code mvn -B -q -pl device-drivers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.creditkiosk.device.printer.SlipPngExport -Dexec.args="docs/printing/sample-slip.png"}.
 */
public final class SlipPngExport {

    private SlipPngExport() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/printing/sample-slip.png");
        PrintedSlip slip = printThroughSimulator(SlipFixtures.summary());
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            renderer(repoRoot()).writePng(slip, os);
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Encodes {@code slip} and lets the simulator parse it back (in-memory link: no port needed). */
    static PrintedSlip printThroughSimulator(ReceiptSlip slip) throws Exception {
        PipeLink[] pipe = PipeLink.pair("png");
        try (EscPosPrinterSimulator sim = new EscPosPrinterSimulator(pipe[1]).start()) {
            pipe[0].write(new EscPosEncoder(EscPosSettings.defaults()).encode(slip).bytes());
            if (!sim.awaitSlips(1, Duration.ofSeconds(5))) {
                throw new IllegalStateException("the simulator cut no slip");
            }
            return sim.slips().get(0);
        }
    }

    /** The repository root: the working directory (exec:java from the root) or its parent (surefire in a module). */
    static Path repoRoot() {
        return Files.isDirectory(Path.of("assets/fonts")) ? Path.of(".") : Path.of("..");
    }

    /** The project's bundled fonts (assets/fonts), found from the repository root. */
    static SlipRenderer renderer(Path repoRoot) throws IOException, FontFormatException {
        Path fonts = repoRoot.resolve("assets/fonts");
        Font latin = Font.createFont(Font.TRUETYPE_FONT, fonts.resolve("DejaVuSans.ttf").toFile());
        Font cjk = Font.createFont(Font.TRUETYPE_FONT, fonts.resolve("DroidSansFallbackFull.ttf").toFile());
        return new SlipRenderer(latin, cjk);
    }
}
