package org.creditkiosk.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HandSignatureTest {

    @Test
    void aScribbleIsAPngWithinTheContractsSizeWithInk() throws Exception {
        HandSignature s = Signatures.scribble();
        assertThat(s.enoughInk()).isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(s.png()));
        assertThat(image.getWidth()).isLessThanOrEqualTo(1200);
        assertThat(image.getHeight()).isLessThanOrEqualTo(600);
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(2000);
        // transparent background
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void aDotIsNotEnoughInk() {
        assertThat(Signatures.dot().enoughInk()).isFalse();
    }

    @Test
    void wipeZeroesTheImageAndSaysNothingOfIt() {
        HandSignature s = Signatures.scribble();
        assertThat(s.toString()).isEqualTo("HandSignature[present]");
        s.wipe();
        assertThat(s.png()).isEmpty();
        assertThat(s.ink()).isZero();
        assertThat(s.toString()).isEqualTo("HandSignature[wiped]");
    }
}
