package org.creditkiosk.device.printer;

import java.util.Arrays;

/**
 * A raster bit image as sent by {@code GS v 0}: {@code bytesPerRow} bytes per row, MSB = leftmost dot, 1 = black.
 */
public record RasterImage(int bytesPerRow, int heightDots, byte[] data) {

    public RasterImage {
        if (bytesPerRow < 0 || heightDots < 0 || data.length != bytesPerRow * heightDots) {
            throw new IllegalArgumentException("raster size does not match its data");
        }
        data = data.clone();
    }

    public int widthDots() {
        return bytesPerRow * 8;
    }

    public boolean dark(int x, int y) {
        return (data[y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RasterImage r && r.bytesPerRow == bytesPerRow && r.heightDots == heightDots
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * bytesPerRow + heightDots) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RasterImage[" + widthDots() + "x" + heightDots + " dots]";
    }
}
