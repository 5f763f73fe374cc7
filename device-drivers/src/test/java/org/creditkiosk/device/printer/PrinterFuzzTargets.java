package org.creditkiosk.device.printer;

import java.util.List;
import org.creditkiosk.device.fuzz.FuzzTarget;

/** Fuzz target of the receipt printer's status decoding: four DLE EOT answers as they arrive. */
public final class PrinterFuzzTargets {

    private PrinterFuzzTargets() {
    }

    public static FuzzTarget statusBytes() {
        return new FuzzTarget() {
            @Override
            public String name() {
                return "ESC/POS status bytes";
            }

            @Override
            public List<byte[]> seeds() {
                return List.of(new byte[] {0x12, 0x12, 0x12, 0x12}, new byte[] {0x16, 0x36, 0x12, 0x72},
                        new byte[] {0x1E, 0x16, 0x52, 0x1E}, new byte[] {0x12, 0x32, 0x12, 0x12});
            }

            /** As the driver does: skip bytes that are no status byte, take the next valid one for each query. */
            @Override
            public String run(byte[] input) {
                int[] answer = new int[4];
                int n = 0;
                for (byte b : input) {
                    if (n < 4 && PrinterStatus.isValid(b & 0xFF)) {
                        answer[n++] = b & 0xFF;
                    }
                }
                if (n < 4) {
                    return "incomplete";
                }
                PrinterStatus st = new PrinterStatus(answer[0], answer[1], answer[2], answer[3]);
                st.describe();
                return st.fault().orElse("ready");
            }
        };
    }
}
