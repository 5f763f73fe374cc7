package org.creditkiosk.device.printer;

import java.util.List;
import java.util.Objects;

/**
 * A device-neutral layout of an 80 mm receipt slip: what to print, in order. The report module builds it from a
 * record; the ESC/POS encoder turns it into bytes; the printer simulator parses the bytes back into the same
 * model, which is how tests check that nothing was lost on the way. The printer cuts after the last element.
 */
public record ReceiptSlip(List<Element> elements) {

    public ReceiptSlip {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** Character size: NORMAL, DOUBLE_HEIGHT (titles that must stay on one line), DOUBLE (width and height). */
    public enum Size { NORMAL, DOUBLE_HEIGHT, DOUBLE }

    public sealed interface Element permits Text, Qr, Rule, Feed {
    }

    /** One line of text (the encoder does not wrap: the layout keeps lines within the paper width). */
    public record Text(String text, Size size, boolean bold, Align align) implements Element {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(align, "align");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a slip text line must not contain a line break");
            }
        }

        public static Text plain(String text) {
            return new Text(text, Size.NORMAL, false, Align.LEFT);
        }
    }

    /** A QR code, centred. Keep the payload short ASCII (a verify URL), never personal data. */
    public record Qr(String payload) implements Element {
        public Qr {
            Objects.requireNonNull(payload, "payload");
            if (payload.isEmpty()) {
                throw new IllegalArgumentException("QR payload is empty");
            }
        }
    }

    /** A full-width separator line. */
    public record Rule() implements Element {
    }

    /** Blank lines. */
    public record Feed(int lines) implements Element {
        public Feed {
            if (lines < 1 || lines > 10) {
                throw new IllegalArgumentException("feed lines must be 1..10");
            }
        }
    }
}
