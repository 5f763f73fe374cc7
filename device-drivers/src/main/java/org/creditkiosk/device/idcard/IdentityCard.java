package org.creditkiosk.device.idcard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a certified reader returned for one card: the decoded text block and the opaque photo.
 *
 * <p>Privacy: {@link #toString()} shows the card type and the masked number only; the photo is in a proprietary
 * wavelet format only licensed vendor libraries decode, so it is passed through as opaque bytes and must never be
 * logged, stored or displayed.
 *
 * @param cardType    the layout of the card
 * @param name        the Chinese name (foreign cards: the Chinese name, may be empty when the card has none)
 * @param englishName foreign permanent resident cards only
 * @param sex         from the sex code
 * @param nationCode  resident cards: the two-digit ethnic group code (GB/T 3304); foreign cards: the 3-letter
 *                    nationality code (ISO 3166-1); residence permits: empty (their layout has no such field)
 * @param birthDate   date of birth
 * @param address     resident cards and permits; empty for foreign cards
 * @param idNumber    the identity number (18 characters; 15 on 2017 foreign cards)
 * @param issuer      the issuing authority; on 2017 foreign cards the authority code; empty when the layout has none
 * @param validFrom   first day of validity
 * @param validTo     last day of validity; empty for 长期 (valid without end)
 * @param passNumber  residence permits: the Mainland travel permit number
 * @param issueCount  residence permits: the issue count; 2023 foreign cards: the renewal count
 * @param cardVersion 2017 foreign cards: the card version
 * @param photo       1024 opaque bytes (may be empty when built by hand)
 */
public record IdentityCard(
        CardType cardType,
        String name,
        Optional<String> englishName,
        Sex sex,
        String nationCode,
        LocalDate birthDate,
        String address,
        String idNumber,
        String issuer,
        LocalDate validFrom,
        Optional<LocalDate> validTo,
        Optional<String> passNumber,
        Optional<Integer> issueCount,
        Optional<String> cardVersion,
        byte[] photo) {

    public IdentityCard {
        Objects.requireNonNull(cardType, "cardType");
        name = name == null ? "" : name;
        englishName = englishName == null ? Optional.empty() : englishName;
        Objects.requireNonNull(sex, "sex");
        nationCode = nationCode == null ? "" : nationCode;
        Objects.requireNonNull(birthDate, "birthDate");
        address = address == null ? "" : address;
        Objects.requireNonNull(idNumber, "idNumber");
        issuer = issuer == null ? "" : issuer;
        Objects.requireNonNull(validFrom, "validFrom");
        validTo = validTo == null ? Optional.empty() : validTo;
        passNumber = passNumber == null ? Optional.empty() : passNumber;
        issueCount = issueCount == null ? Optional.empty() : issueCount;
        cardVersion = cardVersion == null ? Optional.empty() : cardVersion;
        photo = photo == null ? new byte[0] : photo.clone();
    }

    /** A copy of the opaque photo bytes. */
    @Override
    public byte[] photo() {
        return photo.clone();
    }

    /** The ethnic group name for resident cards (e.g. 汉); the nationality code for foreign cards. */
    public String nationName() {
        return cardType == CardType.RESIDENT ? Nations.name(nationCode).orElse(nationCode) : nationCode;
    }

    /** True when the card is valid without end (长期). */
    public boolean isValidWithoutEnd() {
        return validTo.isEmpty();
    }

    /** The number in its display/log form, e.g. {@code 610802********1234}. */
    public String maskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    /** A copy of this card with another photo. */
    public IdentityCard withPhoto(byte[] newPhoto) {
        return new IdentityCard(cardType, name, englishName, sex, nationCode, birthDate, address, idNumber, issuer,
                validFrom, validTo, passNumber, issueCount, cardVersion, newPhoto);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityCard c
                && cardType == c.cardType && name.equals(c.name) && englishName.equals(c.englishName)
                && sex == c.sex && nationCode.equals(c.nationCode) && birthDate.equals(c.birthDate)
                && address.equals(c.address) && idNumber.equals(c.idNumber) && issuer.equals(c.issuer)
                && validFrom.equals(c.validFrom) && validTo.equals(c.validTo) && passNumber.equals(c.passNumber)
                && issueCount.equals(c.issueCount) && cardVersion.equals(c.cardVersion)
                && Arrays.equals(photo, c.photo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cardType, idNumber, birthDate, validFrom) * 31 + Arrays.hashCode(photo);
    }

    /** Card type and masked number only: never the name, address or photo. */
    @Override
    public String toString() {
        return "IdentityCard[" + cardType + ", " + maskedIdNumber() + "]";
    }
}
