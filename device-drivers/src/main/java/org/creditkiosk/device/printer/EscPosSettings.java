package org.creditkiosk.device.printer;

/**
 * How the ESC/POS encoder lays out a slip for one printer model. Defaults fit an 80 mm, 203 dpi printer with
 * native QR (576 dots, 48 columns of font A).
 *
 * @param qrMode            {@link QrMode#NATIVE} ({@code GS ( k}, model 2) or {@link QrMode#RASTER} ({@code GS v 0})
 *                          for printers without native QR
 * @param qrModuleDots      native QR module size, 1..16 dots ({@code GS ( k … 31 43 n}); also the raster module size
 *                          when it fits in {@code rasterMaxWidthDots}
 * @param qrErrorCorrection QR error correction level
 * @param rasterMaxWidthDots the printable width in dots for raster images, a multiple of 8 (576 at 203 dpi on 80 mm
 *                          paper; 384 on 58 mm)
 * @param charsPerLine      columns of font A (12 dots each); a {@link ReceiptSlip.Rule} is that many {@code -}
 * @param cutFeedDots       paper fed before the cut, in vertical motion units ({@code GS V 65 n})
 */
public record EscPosSettings(QrMode qrMode, int qrModuleDots, QrErrorCorrection qrErrorCorrection,
                             int rasterMaxWidthDots, int charsPerLine, int cutFeedDots) {

    public enum QrMode { NATIVE, RASTER }

    /** QR error correction levels and their {@code GS ( k} function 169 values (48..51). */
    public enum QrErrorCorrection {
        L(48), M(49), Q(50), H(51);

        private final int escPosValue;

        QrErrorCorrection(int escPosValue) {
            this.escPosValue = escPosValue;
        }

        public int escPosValue() {
            return escPosValue;
        }
    }

    public EscPosSettings {
        if (qrMode == null || qrErrorCorrection == null) {
            throw new IllegalArgumentException("qrMode and qrErrorCorrection are required");
        }
        if (qrModuleDots < 1 || qrModuleDots > 16) {
            throw new IllegalArgumentException("qrModuleDots " + qrModuleDots + " is outside 1..16");
        }
        if (rasterMaxWidthDots < 64 || rasterMaxWidthDots > 576 || rasterMaxWidthDots % 8 != 0) {
            // A multiple of 8: GS v 0 sends whole bytes per row, so the image (padded to bytes) stays within it.
            throw new IllegalArgumentException("rasterMaxWidthDots " + rasterMaxWidthDots
                    + " is not a multiple of 8 within 64..576");
        }
        if (charsPerLine < 16 || charsPerLine > 64) {
            throw new IllegalArgumentException("charsPerLine " + charsPerLine + " is outside 16..64");
        }
        if (cutFeedDots < 0 || cutFeedDots > 255) {
            throw new IllegalArgumentException("cutFeedDots " + cutFeedDots + " is outside 0..255");
        }
    }

    public static EscPosSettings defaults() {
        return new EscPosSettings(QrMode.NATIVE, 6, QrErrorCorrection.M, 576, 48, 60);
    }

    public EscPosSettings withQrMode(QrMode mode) {
        return new EscPosSettings(mode, qrModuleDots, qrErrorCorrection, rasterMaxWidthDots, charsPerLine, cutFeedDots);
    }
}
