package org.creditkiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialPortLinkTest {

    @Test
    void bytesCrossASocatPairAndUnplugIsNoticed() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        try (SocatPair pair = SocatPair.start();
             SerialPortLink host = SerialPortLink.open(pair.hostPath(), SerialSettings.of8N1(115200));
             SerialPortLink device = SerialPortLink.open(pair.devicePath(), SerialSettings.of8N1(115200))) {
            host.write("ping".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[16];
            int n = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (n < 4 && System.nanoTime() < deadline) {
                n += device.read(buf, n, buf.length - n, Duration.ofMillis(200));
            }
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("ping");
            assertThat(host.read(buf, 0, buf.length, Duration.ofMillis(20))).isZero();

            pair.unplug();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    host.read(buf, 0, buf.length, Duration.ofMillis(50));
                }
            }).isInstanceOf(LinkClosedException.class);
        }
    }

    @Test
    void missingPortIsATypedOpenFailure() {
        assertThatThrownBy(() -> SerialPortLink.open("/dev/does-not-exist-kiosk", SerialSettings.of8N1(9600)))
                .isInstanceOfSatisfying(LinkOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(LinkOpenException.Reason.NOT_FOUND));
    }

    @Test
    void pipePairCarriesBytesAndCloseIsSeenByTheOtherEnd() throws Exception {
        PipeLink[] pair = PipeLink.pair("test");
        pair[0].write(new byte[] {1, 2, 3});
        byte[] buf = new byte[8];
        assertThat(pair[1].read(buf, 0, 8, Duration.ofMillis(100))).isEqualTo(3);
        assertThat(pair[1].read(buf, 0, 8, Duration.ofMillis(10))).isZero();
        pair[1].close();
        assertThatThrownBy(() -> pair[0].read(buf, 0, 8, Duration.ofMillis(10))).isInstanceOf(LinkClosedException.class);
    }
}
