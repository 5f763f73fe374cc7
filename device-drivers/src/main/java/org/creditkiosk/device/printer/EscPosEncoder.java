package org.creditkiosk.device.printer;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link ReceiptSlip} into ESC/POS bytes (Epson ESC/POS as reproduced by Citizen, HPRT and others).
 *
 * <p>The output is a list of complete commands, one group per slip element, so that the driver can ask for
 * real-time status between groups: {@code DLE EOT n} must never be sent inside another command's data
 * (the printer acts on it even inside image data). Every text element sets its own align, emphasis and size:
 * the printer's state never leaks from one line to the next.
 */
public final class EscPosEncoder {

    // ---- ESC/POS command bytes (Epson ESC/POS command reference) ----
    static final byte ESC = 0x1B;
    static final byte FS = 0x1C;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;
    /** ESC @: initialise printer (clears the print buffer, resets modes). */
    static final byte[] INIT = {ESC, '@'};
    /** FS &: select Chinese (2-byte GB) character mode. */
    static final byte[] CHINESE_ON = {FS, '&'};
    /** FS .: cancel Chinese character mode. */
    static final byte[] CHINESE_OFF = {FS, '.'};
    /** ESC E n: emphasis (bold) on when bit 0 is set. */
    static final byte BOLD = 'E';
    /** ESC a n: justification 0 left, 1 centre, 2 right. */
    static final byte ALIGN = 'a';
    /** ESC d n: print the buffer and feed n lines. */
    static final byte FEED_LINES = 'd';
    /** GS ! n: character size, bits 0-3 height-1, bits 4-7 width-1. */
    static final byte SIZE = '!';
    /** GS V 65 n: feed to the cutting position + n units and cut (full cut). Only valid at line start. */
    static final byte CUT = 'V';
    static final int CUT_FEED_FULL = 65;
    /** GS ( k: 2D symbol functions; cn 49 = QR code. */
    static final byte QR_CN = 49;
    static final byte QR_FN_MODEL = 65;
    static final byte QR_FN_SIZE = 67;
    static final byte QR_FN_EC = 69;
    static final byte QR_FN_STORE = 80;
    static final byte QR_FN_PRINT = 81;
    static final byte QR_MODEL_2 = 50;
    /** GS v 0 m xL xH yL yH d…: raster bit image, MSB = leftmost dot, m 0 = normal density. */
    static final byte RASTER = 'v';
    /** Quiet zone around a raster QR, in modules (ISO/IEC 18004 asks for 4). */
    static final int QR_QUIET_ZONE = 4;

    private final EscPosSettings settings;

    public EscPosEncoder(EscPosSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EscPosSettings settings() {
        return settings;
    }

    /** The encoded job: complete command groups in order, first the initialisation, last the cut. */
    public record EncodedSlip(List<byte[]> commandGroups) {
        public EncodedSlip {
            commandGroups = List.copyOf(commandGroups);
        }

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size());
            commandGroups.forEach(g -> out.write(g, 0, g.length));
            return out.toByteArray();
        }

        public int size() {
            return commandGroups.stream().mapToInt(g -> g.length).sum();
        }
    }

    public EncodedSlip encode(ReceiptSlip slip) {
        List<byte[]> groups = new ArrayList<>();
        groups.add(concat(INIT, CHINESE_ON));
        for (ReceiptSlip.Element e : slip.elements()) {
            groups.add(element(e));
        }
        groups.add(new byte[] {GS, CUT, CUT_FEED_FULL, (byte) settings.cutFeedDots()});
        return new EncodedSlip(groups);
    }

    private byte[] element(ReceiptSlip.Element e) {
        // Java 17: no pattern matching for switch yet; the sealed interface keeps this list closed.
        if (e instanceof ReceiptSlip.Text t) {
            return text(t);
        }
        if (e instanceof ReceiptSlip.Qr q) {
            return settings.qrMode() == EscPosSettings.QrMode.NATIVE ? nativeQr(q.payload()) : rasterQr(q.payload());
        }
        if (e instanceof ReceiptSlip.Rule) {
            return text(new ReceiptSlip.Text("-".repeat(settings.charsPerLine()),
                    ReceiptSlip.Size.NORMAL, false, ReceiptSlip.Align.LEFT));
        }
        ReceiptSlip.Feed f = (ReceiptSlip.Feed) e;
        return new byte[] {ESC, FEED_LINES, (byte) f.lines()};
    }

    private static byte[] text(ReceiptSlip.Text t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.text().length() * 2 + 12);
        out.writeBytes(new byte[] {ESC, ALIGN, (byte) alignValue(t.align())});
        out.writeBytes(new byte[] {ESC, BOLD, (byte) (t.bold() ? 1 : 0)});
        out.writeBytes(new byte[] {GS, SIZE, (byte) sizeValue(t.size())});
        out.writeBytes(GbText.encode(t.text()));
        out.write(LF);
        return out.toByteArray();
    }

    static int alignValue(ReceiptSlip.Align a) {
        return switch (a) {
            case LEFT -> 0;
            case CENTER -> 1;
            case RIGHT -> 2;
        };
    }

    static int sizeValue(ReceiptSlip.Size s) {
        return switch (s) {
            case NORMAL -> 0x00;
            case DOUBLE_HEIGHT -> 0x01;
            case DOUBLE -> 0x11;
        };
    }

    /** Native QR, exactly: model 2, module size, error correction, store, print (GS ( k, cn 49). */
    private byte[] nativeQr(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        if (data.length > 7089 - 3) {
            throw new IllegalArgumentException("QR payload too long: " + data.length + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 40);
        out.writeBytes(new byte[] {ESC, ALIGN, 1});
        out.writeBytes(new byte[] {GS, '(', 'k', 4, 0, QR_CN, QR_FN_MODEL, QR_MODEL_2, 0});
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, QR_CN, QR_FN_SIZE, (byte) settings.qrModuleDots()});
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, QR_CN, QR_FN_EC,
            (byte) settings.qrErrorCorrection().escPosValue()});
        int len = data.length + 3;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte) (len & 0xFF), (byte) (len >> 8), QR_CN, QR_FN_STORE, '0'});
        out.writeBytes(data);
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, QR_CN, QR_FN_PRINT, '0'});
        return out.toByteArray();
    }

    /** Raster QR for printers without native QR: GS v 0, centred by ESC a 1, never wider than the paper. */
    private byte[] rasterQr(String payload) {
        boolean[][] modules = qrModules(payload, settings.qrErrorCorrection());
        int n = modules.length + 2 * QR_QUIET_ZONE;
        int dots = Math.min(settings.qrModuleDots(), settings.rasterMaxWidthDots() / n);
        if (dots < 1) {
            throw new IllegalArgumentException("QR payload too long for " + settings.rasterMaxWidthDots() + " dots");
        }
        int width = n * dots;
        int bytesPerRow = (width + 7) / 8;
        byte[] image = new byte[bytesPerRow * width];
        for (int y = 0; y < width; y++) {
            int my = y / dots - QR_QUIET_ZONE;
            for (int x = 0; x < width; x++) {
                int mx = x / dots - QR_QUIET_ZONE;
                boolean dark = my >= 0 && mx >= 0 && my < modules.length && mx < modules.length && modules[my][mx];
                if (dark) {
                    image[y * bytesPerRow + x / 8] |= (byte) (0x80 >> (x % 8));   // MSB = leftmost dot
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 12);
        out.writeBytes(new byte[] {ESC, ALIGN, 1});
        out.writeBytes(new byte[] {GS, RASTER, '0', 0,
            (byte) (bytesPerRow & 0xFF), (byte) (bytesPerRow >> 8), (byte) (width & 0xFF), (byte) (width >> 8)});
        out.writeBytes(image);
        return out.toByteArray();
    }

    /** QR module matrix (true = dark), without quiet zone; UTF-8 byte mode for anything beyond ASCII. */
    static boolean[][] qrModules(String payload, EscPosSettings.QrErrorCorrection ec) {
        try {
            ByteMatrix m = Encoder.encode(payload, ErrorCorrectionLevel.valueOf(ec.name()),
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
            boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    out[y][x] = m.get(x, y) == 1;
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR payload: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
