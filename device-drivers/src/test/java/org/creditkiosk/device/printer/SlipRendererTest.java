package org.creditkiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlipRendererTest {

    @Test
    void slipPngShowsTheQrSoThatAPhoneCanReadIt(@TempDir Path dir) throws Exception {
        PrintedSlip slip = SlipPngExport.printThroughSimulator(SlipFixtures.summary());
        BufferedImage img = SlipPngExport.renderer(SlipPngExport.repoRoot()).render(slip);
        assertThat(img.getWidth()).isEqualTo(576 + 32);
        assertThat(img.getHeight()).isGreaterThan(400);

        Path png = dir.resolve("slip.png");
        try (OutputStream os = Files.newOutputStream(png)) {
            SlipPngExport.renderer(SlipPngExport.repoRoot()).writePng(slip, os);
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (zbar-tools) is not installed");
        Process p = new ProcessBuilder("zbarimg", "--quiet", "--raw", png.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(out).isEqualTo("https://credit.example.gov.cn/v/R2026-0001234");
    }
}
