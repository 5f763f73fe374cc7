package org.creditkiosk.report.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The verification QR code, drawn as vector squares (sharp at any print resolution, a few hundred bytes). It holds
 * the platform's {@code verifyUrl} only, never personal data (DOMAIN.md, Verification), with the report number printed
 * under it for people without a phone.
 */
public final class QrMark {

    private final BitMatrix matrix;

    private QrMark(BitMatrix matrix) {
        this.matrix = matrix;
    }

    public static QrMark of(String payload) {
        try {
            BitMatrix m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            return new QrMark(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("verifyUrl cannot be encoded as a QR code (too long?)", e);
        }
    }

    /** Draws the code with its lower left corner at (x, y), {@code size} points wide, on a white quiet zone. */
    public void draw(PDPageContentStream cs, float x, float y, float size) {
        int n = matrix.getWidth();
        float module = size / n;
        try {
            float quiet = module * 4;
            Ink.fill(cs, x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet, Ink.WHITE);
            cs.setNonStrokingColor(Ink.BLACK);
            for (int row = 0; row < n; row++) {
                int col = 0;
                while (col < n) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < n && matrix.get(col, row)) {
                        col++;
                    }
                    // Row 0 is the top of the symbol; PDF y grows upwards.
                    cs.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
                }
            }
            cs.fill();
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw the QR code", e);
        }
    }
}
