package org.creditkiosk.app;

import java.util.List;
import java.util.Objects;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.idcard.IdentityCard;

/**
 * Demo mode's stand-ins for the citizen's hands and the platform: the ID card simulator (same bytes as a real
 * reader, through the real driver) with the fixture cards, and the embedded demo platform. Used by the demo panel
 * and by the end-to-end tests.
 */
public final class DemoDevices {

    /** A fixture card with a short description for the demo panel (no personal data beyond the synthetic fixture). */
    public record DemoCard(String label, IdentityCard card) {
    }

    private final IdCardReaderSimulator reader;
    private final List<DemoCard> cards;
    private final DemoPlatformServer platform;

    DemoDevices(IdCardReaderSimulator reader, List<DemoCard> cards, DemoPlatformServer platform) {
        this.reader = Objects.requireNonNull(reader);
        this.cards = List.copyOf(cards);
        this.platform = Objects.requireNonNull(platform);
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
