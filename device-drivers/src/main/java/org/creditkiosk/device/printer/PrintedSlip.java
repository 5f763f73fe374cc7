package org.creditkiosk.device.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link EscPosPrinterSimulator} put on paper for one slip, parsed back from the byte stream.
 *
 * @param items what was printed, in order
 * @param cut   true when the slip was cut off (a complete job); false for a slip abandoned mid-job
 */
public record PrintedSlip(List<Item> items, boolean cut) {

    public PrintedSlip {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** One printed thing. */
    public sealed interface Item permits Line, Qr, Image, Feed {
    }

    /** A printed text line, with the modes in force when its LF arrived. */
    public record Line(String text, ReceiptSlip.Size size, boolean bold, ReceiptSlip.Align align) implements Item {
    }

    /** A native QR symbol ({@code GS ( k}): model (50 = Model 2), module size in dots, error correction 48..51. */
    public record Qr(String payload, int model, int moduleDots, int errorCorrection, ReceiptSlip.Align align)
            implements Item {
    }

    /** A raster image ({@code GS v 0}) and, when it is a readable QR code, its payload. */
    public record Image(RasterImage raster, ReceiptSlip.Align align, Optional<String> qrPayload) implements Item {
    }

    /** Blank lines fed by {@code ESC d n}. */
    public record Feed(int lines) implements Item {
    }

    /** Printed text lines only (what a person reads), in order. */
    public List<String> textLines() {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Line l) {
                out.add(l.text());
            }
        }
        return out;
    }

    /** QR payloads, native or decoded from raster images, in order. */
    public List<String> qrPayloads() {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Qr q) {
                out.add(q.payload());
            } else if (i instanceof Image img) {
                img.qrPayload().ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The slip in the device-neutral model, as far as the bytes allow: a line of {@code charsPerLine} dashes is a
     * {@link ReceiptSlip.Rule}, a raster image that decodes as QR is a {@link ReceiptSlip.Qr}.
     */
    public ReceiptSlip toReceiptSlip(int charsPerLine) {
        String rule = "-".repeat(charsPerLine);
        List<ReceiptSlip.Element> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Line l) {
                if (l.text().equals(rule) && l.size() == ReceiptSlip.Size.NORMAL && !l.bold()
                        && l.align() == ReceiptSlip.Align.LEFT) {
                    out.add(new ReceiptSlip.Rule());
                } else {
                    out.add(new ReceiptSlip.Text(l.text(), l.size(), l.bold(), l.align()));
                }
            } else if (i instanceof Qr q) {
                out.add(new ReceiptSlip.Qr(q.payload()));
            } else if (i instanceof Image img) {
                img.qrPayload().ifPresent(p -> out.add(new ReceiptSlip.Qr(p)));
            } else if (i instanceof Feed f) {
                out.add(new ReceiptSlip.Feed(f.lines()));
            }
        }
        return new ReceiptSlip(out);
    }
}
