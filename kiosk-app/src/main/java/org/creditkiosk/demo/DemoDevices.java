package org.creditkiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Objects;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.scanner.QrScannerSimulator;

/**
 * Demo mode's stand-ins for the citizen's hands and the platform: the ID card simulator (same bytes as a real
 * reader, through the real driver) with the fixture cards, and the embedded demo platform. Used by the demo panel
 * and by the end-to-end tests.
 */
public final class DemoDevices {

    /** A fixture card with a short description for the demo panel (no personal data beyond the synthetic fixture). */
    public record DemoCard(String label, IdentityCard card) {
    }

    /** A code the demo can put in front of the simulated scanner. */
    public record DemoCode(String label, Supplier<Optional<String>> text) {
    }

    private final IdCardReaderSimulator reader;
    private final List<DemoCard> cards;
    private final DemoPlatformServer platform;
    private final QrScannerSimulator scanner;
    private final List<DemoCode> codes;
    private final DemoReportPrinter reportPrinter;
    private final EscPosPrinterSimulator receiptPrinter;

    public DemoDevices(IdCardReaderSimulator reader, List<DemoCard> cards, DemoPlatformServer platform,
            QrScannerSimulator scanner, List<DemoCode> codes, DemoReportPrinter reportPrinter,
            EscPosPrinterSimulator receiptPrinter) {
        this.receiptPrinter = Objects.requireNonNull(receiptPrinter);
        this.reportPrinter = Objects.requireNonNull(reportPrinter);
        this.reader = Objects.requireNonNull(reader);
        this.cards = List.copyOf(cards);
        this.platform = Objects.requireNonNull(platform);
        this.scanner = Objects.requireNonNull(scanner);
        this.codes = List.copyOf(codes);
    }

    /** The simulated A4 printer (its folder, its fault switch). */
    public DemoReportPrinter reportPrinter() {
        return reportPrinter;
    }

    /** The simulated 80 mm receipt printer (the slips it parsed back from the bytes, its faults). */
    public EscPosPrinterSimulator receiptPrinter() {
        return receiptPrinter;
    }

    public List<DemoCode> codes() {
        return codes;
    }

    /** Shows {@code text} to the simulated serial scanner (the bytes go through the real driver). */
    public void scan(String text) {
        try {
            scanner.scan(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated scanner is unplugged", e);
        }
    }

    /** Scans demo code {@code index} (if it has a value now, e.g. "the last report" after a print). */
    public void scanCode(int index) {
        codes.get(index).text().get().ifPresent(this::scan);
    }

    public List<DemoCard> cards() {
        return cards;
    }

    /** Puts fixture card {@code index} on the simulated reader (replacing any card there). */
    public void place(int index) {
        reader.placeCard(cards.get(index).card());
    }

    /** Puts the card whose identity number is {@code idNumber} on the reader. */
    public void placeNumber(String idNumber) {
        reader.placeCard(cards.stream().filter(c -> c.card().idNumber().equals(idNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo card with that number")).card());
    }

    public void remove() {
        reader.removeCard();
    }

    public IdCardReaderSimulator readerSimulator() {
        return reader;
    }

    public DemoPlatformServer platform() {
        return platform;
    }
}
