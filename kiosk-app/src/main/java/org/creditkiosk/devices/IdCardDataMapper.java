package org.creditkiosk.devices;

import java.time.LocalDate;
import java.util.Optional;
import org.creditkiosk.device.idcard.CardType;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.idcard.Sex;
import org.creditkiosk.platform.api.IdCardData;

/**
 * Between the reader's {@link IdentityCard} and the contract's {@code IdCardData} (what {@code openSession} sends:
 * the only place the unmasked number leaves the kiosk). {@code validTo} is the word LONG for 长期 cards.
 */
public final class IdCardDataMapper {

    public static final String LONG = "LONG";

    private IdCardDataMapper() {
    }

    public static IdCardData toContract(IdentityCard card, String samId) {
        return new IdCardData(
                switch (card.cardType()) {
                    case RESIDENT -> IdCardData.CardType.RESIDENT;
                    case HMT_RESIDENCE_PERMIT -> IdCardData.CardType.HMT_RESIDENCE_PERMIT;
                    case FOREIGN_PERMANENT_RESIDENT -> IdCardData.CardType.FOREIGN_PERMANENT_RESIDENT;
                },
                card.name().isEmpty() ? card.englishName().orElse("") : card.name(),
                card.englishName(),
                Optional.of(switch (card.sex()) {
                    case MALE -> IdCardData.Sex.MALE;
                    case FEMALE -> IdCardData.Sex.FEMALE;
                    default -> IdCardData.Sex.UNKNOWN;
                }),
                card.nationCode().isEmpty() ? Optional.empty() : Optional.of(card.nationCode()),
                Optional.of(card.birthDate().toString()),
                card.address().isEmpty() ? Optional.empty() : Optional.of(card.address()),
                card.idNumber(),
                card.issuer().isEmpty() ? Optional.empty() : Optional.of(card.issuer()),
                card.validFrom().toString(),
                card.validTo().map(LocalDate::toString).orElse(LONG),
                samId);
    }

    /** The other way, for demo fixtures (the simulator encodes these onto the wire). */
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
                LONG.equals(d.validTo()) ? Optional.empty() : Optional.of(LocalDate.parse(d.validTo())),
                Optional.empty(), Optional.empty(), Optional.empty(), new byte[0]);
    }
}
