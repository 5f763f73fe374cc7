package org.creditkiosk.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {

    private static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    @Test
    void nativeQrIsExactlyTheEpsonSequenceForModel2() {
        String url = "https://v.example/R1";
        List<byte[]> groups = new EscPosEncoder(EscPosSettings.defaults())
                .encode(new ReceiptSlip(List.of(new ReceiptSlip.Qr(url)))).commandGroups();
        byte[] qr = groups.get(1);
        int len = url.length() + 3;
        byte[] expected = concat(hex("1B 61 01"),
                hex("1D 28 6B 04 00 31 41 32 00"),          // model 2
                hex("1D 28 6B 03 00 31 43 06"),             // module size 6
                hex("1D 28 6B 03 00 31 45 31"),             // error correction M
                hex("1D 28 6B " + String.format("%02X %02X", len & 0xFF, len >> 8) + " 31 50 30"),
                url.getBytes(StandardCharsets.US_ASCII),
                hex("1D 28 6B 03 00 31 51 30"));            // print
        assertThat(qr).containsExactly(expected);
        assertThat(groups.get(0)).containsExactly(hex("1B 40 1C 26"));       // init, Chinese mode
        assertThat(groups.get(2)).containsExactly(hex("1D 56 41 3C"));       // feed and cut
    }

    @Test
    void textLinesCarryTheirOwnModes() {
        byte[] line = new EscPosEncoder(EscPosSettings.defaults()).encode(new ReceiptSlip(List.of(
                new ReceiptSlip.Text("¥", ReceiptSlip.Size.DOUBLE, true, ReceiptSlip.Align.RIGHT))))
                .commandGroups().get(1);
        assertThat(line).containsExactly(hex("1B 61 02 1B 45 01 1D 21 11 A3 A4 0A"));
    }

    @Test
    void noTextOfAnyFixtureInEitherQrModeHasAFourByteGbSequence() {
        for (EscPosSettings.QrMode mode : EscPosSettings.QrMode.values()) {
            EscPosEncoder enc = new EscPosEncoder(EscPosSettings.defaults().withQrMode(mode));
            for (ReceiptSlip slip : List.of(SlipFixtures.summary(), SlipFixtures.outsideGbk())) {
                for (byte[] g : enc.encode(slip).commandGroups()) {
                    boolean raster = g.length > 4 && g[3] == 0x1D && g[4] == 'v';
                    if (!raster) {   // image data is dots, not text: any byte pattern is legitimate there
                        assertThat(GbText.countFourByteSequences(g, 0, g.length)).as(mode + " group").isZero();
                    }
                }
            }
        }
    }

    @Test
    void rasterQrNeverExceedsThePrintableWidth() {
        EscPosSettings narrow = new EscPosSettings(EscPosSettings.QrMode.RASTER, 16,
                EscPosSettings.QrErrorCorrection.H, 384, 32, 60);
        byte[] g = new EscPosEncoder(narrow).encode(new ReceiptSlip(List.of(
                new ReceiptSlip.Qr("https://credit.example.gov.cn/verify/R2026-0001234?k=0123456789abcdef"))))
                .commandGroups().get(1);
        int bytesPerRow = (g[7] & 0xFF) | (g[8] & 0xFF) << 8;
        assertThat(bytesPerRow * 8).isLessThanOrEqualTo(384);
        int rows = (g[9] & 0xFF) | (g[10] & 0xFF) << 8;
        RasterImage img = new RasterImage(bytesPerRow, rows, java.util.Arrays.copyOfRange(g, 11, g.length));
        assertThat(EscPosPrinterSimulator.decodeQr(img))
                .contains("https://credit.example.gov.cn/verify/R2026-0001234?k=0123456789abcdef");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
