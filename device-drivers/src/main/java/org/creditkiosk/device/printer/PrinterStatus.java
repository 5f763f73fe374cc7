package org.creditkiosk.device.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four real-time status bytes of an ESC/POS printer ({@code DLE EOT n}, n = 1..4), decoded.
 *
 * <p>Bit meanings (Epson ESC/POS, DLE EOT): every valid byte satisfies {@code (b & 0x93) == 0x12};
 * n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error;
 * n=3 bit 3 autocutter error, bit 5 unrecoverable error, bit 6 auto-recoverable error;
 * n=4 bits 2+3 ({@code 0C}) paper near end, bits 5+6 ({@code 60}) paper end. A healthy printer answers
 * {@code 12} to all four.
 */
public record PrinterStatus(int printer, int offlineCause, int errorCause, int paperSensor) {

    /** The fixed bits of every real-time status byte. */
    static final int FIXED_MASK = 0x93;
    static final int FIXED_VALUE = 0x12;

    static final int P_OFFLINE = 0x08;
    static final int O_COVER_OPEN = 0x04;
    static final int O_PAPER_END_STOP = 0x20;
    static final int O_ERROR = 0x40;
    static final int E_AUTOCUTTER = 0x08;
    static final int E_UNRECOVERABLE = 0x20;
    static final int E_AUTO_RECOVERABLE = 0x40;
    static final int S_NEAR_END = 0x0C;
    static final int S_PAPER_END = 0x60;

    /** Health codes, as in {@code DeviceHealth.detail()} and {@code DeviceException.code()}. */
    public static final String PAPER_OUT = "PAPER_OUT";
    public static final String COVER_OPEN = "COVER_OPEN";
    public static final String ERROR = "ERROR";
    public static final String PAPER_LOW = "PAPER_LOW";

    public PrinterStatus {
        for (int b : new int[] {printer, offlineCause, errorCause, paperSensor}) {
            if (!isValid(b)) {
                throw new IllegalArgumentException(String.format("not a real-time status byte: %02X", b));
            }
        }
    }

    /** A healthy printer: {@code 12 12 12 12}. */
    public static PrinterStatus healthy() {
        return new PrinterStatus(0x12, 0x12, 0x12, 0x12);
    }

    /** True when {@code b} has the fixed bits of a real-time status answer. */
    public static boolean isValid(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    public boolean offline() {
        return (printer & P_OFFLINE) != 0;
    }

    public boolean coverOpen() {
        return (offlineCause & O_COVER_OPEN) != 0;
    }

    public boolean paperOut() {
        return (paperSensor & S_PAPER_END) != 0 || (offlineCause & O_PAPER_END_STOP) != 0;
    }

    public boolean paperNearEnd() {
        return (paperSensor & S_NEAR_END) != 0;
    }

    public boolean error() {
        return (offlineCause & O_ERROR) != 0
                || (errorCause & (E_AUTOCUTTER | E_UNRECOVERABLE | E_AUTO_RECOVERABLE)) != 0;
    }

    /**
     * Why the printer cannot print, most actionable first: PAPER_OUT, COVER_OPEN, ERROR (including "offline"
     * with no other cause, e.g. the feed button held); empty when it can print.
     */
    public Optional<String> fault() {
        if (paperOut()) {
            return Optional.of(PAPER_OUT);
        }
        if (coverOpen()) {
            return Optional.of(COVER_OPEN);
        }
        if (error() || offline()) {
            return Optional.of(ERROR);
        }
        return Optional.empty();
    }

    /** Lines a technician reads ({@code kiosk device printer-status}). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("raw status       : n1=%02X n2=%02X n3=%02X n4=%02X", printer, offlineCause,
                errorCause, paperSensor));
        lines.add("online           : " + (offline() ? "NO (offline)" : "yes"));
        lines.add("cover            : " + (coverOpen() ? "OPEN" : "closed"));
        lines.add("paper            : " + (paperOut() ? "OUT" : paperNearEnd() ? "NEAR END (replace the roll soon)" : "ok"));
        List<String> errs = new ArrayList<>();
        if ((offlineCause & O_ERROR) != 0) {
            errs.add("error");
        }
        if ((errorCause & E_AUTOCUTTER) != 0) {
            errs.add("autocutter error (check for jammed paper)");
        }
        if ((errorCause & E_UNRECOVERABLE) != 0) {
            errs.add("unrecoverable error (power-cycle the printer)");
        }
        if ((errorCause & E_AUTO_RECOVERABLE) != 0) {
            errs.add("auto-recoverable error (head temperature?)");
        }
        lines.add("errors           : " + (errs.isEmpty() ? "none" : String.join(", ", errs)));
        lines.add("verdict          : " + fault().orElse(paperNearEnd() ? "READY, " + PAPER_LOW : "READY"));
        return lines;
    }
}
