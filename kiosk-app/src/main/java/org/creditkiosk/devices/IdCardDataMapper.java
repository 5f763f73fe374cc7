package org.creditkiosk.devices;

import java.time.LocalDate;
import java.util.Optional;
import org.creditkiosk.device.idcard.CardType;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.idcard.Sex;
import org.creditkiosk.platform.api.IdCardData;

/**
 * From what the reader returned ({@link IdentityCard}) to the contract's {@link IdCardData} that the kiosk sends
 * with {@code openSession}. Contract rules: dates as ISO text, {@code validTo} = {@code LONG} for cards valid
 * without end (长期), {@code nation} = the two-digit ethnic group code (residents) or nationality code
 * (foreigners), sex without "unstated" (sent as UNKNOWN), absent fields left out. The photo is not sent.
 */
public final class IdCardDataMapper {

    /** The contract's word for a card valid without end. */
    public static final String VALID_WITHOUT_END = "LONG";

    private IdCardDataMapper() {
    }

    public static IdCardData toContract(IdentityCard card, String samId) {
        String name = card.name().isBlank() ? card.englishName().orElse("") : card.name();
        return new IdCardData(
                switch (card.cardType()) {
                    case RESIDENT -> IdCardData.CardType.RESIDENT;
                    case HMT_RESIDENCE_PERMIT -> IdCardData.CardType.HMT_RESIDENCE_PERMIT;
                    case FOREIGN_PERMANENT_RESIDENT -> IdCardData.CardType.FOREIGN_PERMANENT_RESIDENT;
                },
                name,
                card.englishName(),
                Optional.of(switch (card.sex()) {
                    case MALE -> IdCardData.Sex.MALE;
                    case FEMALE -> IdCardData.Sex.FEMALE;
                    case UNKNOWN, UNSTATED -> IdCardData.Sex.UNKNOWN;
                }),
                nonBlank(card.nationCode()),
                Optional.of(iso(card.birthDate())),
                nonBlank(card.address()),
                card.idNumber(),
                nonBlank(card.issuer()),
                iso(card.validFrom()),
                card.validTo().map(IdCardDataMapper::iso).orElse(VALID_WITHOUT_END),
                samId);
    }

    /** The other way, for demo fixtures: the simulator encodes these cards onto the wire. */
    public static IdentityCard fromContract(IdCardData d) {
        return new IdentityCard(
                switch (d.cardType()) {
                    case RESIDENT -> CardType.RESIDENT;
                    case HMT_RESIDENCE_PERMIT -> CardType.HMT_RESIDENCE_PERMIT;
                    case FOREIGN_PERMANENT_RESIDENT -> CardType.FOREIGN_PERMANENT_RESIDENT;
                },
                d.name(),
                d.englishName(),
                d.sex().map(s -> switch (s) {
                    case MALE -> Sex.MALE;
                    case FEMALE -> Sex.FEMALE;
                    case UNKNOWN -> Sex.UNKNOWN;
                }).orElse(Sex.UNKNOWN),
                d.nation().orElse(""),
                LocalDate.parse(d.birthDate().orElseThrow(() -> new IllegalArgumentException("birthDate is missing"))),
                d.address().orElse(""),
                d.idNumber(),
                d.issuer().orElse(""),
                LocalDate.parse(d.validFrom()),
                VALID_WITHOUT_END.equals(d.validTo()) ? Optional.empty() : Optional.of(LocalDate.parse(d.validTo())),
                Optional.empty(), Optional.empty(), Optional.empty(), new byte[0]);
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
