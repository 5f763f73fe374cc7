package org.creditkiosk.device.scanner;

import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.creditkiosk.device.fuzz.FuzzTarget;

/** Fuzz target of the serial scanner's framing: bytes with terminators, gaps and garbage into the framer. */
public final class ScannerFuzzTargets {

    private ScannerFuzzTargets() {
    }

    public static FuzzTarget framing() {
        return new FuzzTarget() {
            private final QrScannerSettings settings = QrScannerSettings.defaults();
            private final ScanFramer framer = new ScanFramer(settings);

            @Override
            public String name() {
                return "scanner framing";
            }

            @Override
            public List<byte[]> seeds() {
                return List.of(
                        "https://credit-platform.example/v?r=YLXY-20251127-0001-000042\r".getBytes(StandardCharsets.UTF_8),
                        "YLAPP1.eyJ0IjoiMTIzIn0.c2ln\r".getBytes(StandardCharsets.UTF_8),
                        "信用榆林 二维码\r".getBytes(StandardCharsets.UTF_8),
                        "\r\r\r".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String run(byte[] input) {
                framer.reset();
                List<ScanEvent> events = new ArrayList<>();
                long now = 0;
                int off = 0;
                while (off < input.length) {
                    int n = Math.min(input.length - off, 1 + (input[off] & 0x1F));
                    framer.feed(input, off, n, now, events::add);
                    off += n;
                    // now and then a pause longer than the inter-byte gap, as a scanner that stops mid-code
                    now += (input[off - 1] & 0x07) == 0 ? settings.interByteTimeout().toNanos() * 2 : 1_000_000;
                    framer.idle(now, events::add);
                }
                if (framer.bufferedBytes() > framer.capacity()) {
                    throw new IllegalStateException("framer holds more than its capacity");
                }
                for (ScanEvent e : events) {
                    if (e instanceof ScanEvent.Scanned s && s.text().length() > settings.maxLength()) {
                        throw new IllegalStateException("a code longer than maxLength got through");
                    }
                }
                long scanned = events.stream().filter(ScanEvent.Scanned.class::isInstance).count();
                return scanned == 0 ? (events.isEmpty() ? "nothing" : "rejected") : "scanned";
            }
        };
    }
}
