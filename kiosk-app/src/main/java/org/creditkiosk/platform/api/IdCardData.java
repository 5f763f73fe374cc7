package org.creditkiosk.platform.api;

import java.util.Optional;

/**
 * Contract {@code IdCardData}: what the kiosk's reader returned for the card on it now. The only place the
 * unmasked identity number is sent. Dates are kept as text because {@code validTo} may be the word LONG.
 */
public record IdCardData(
        CardType cardType,
        String name,
        Optional<String> englishName,
        Optional<Sex> sex,
        Optional<String> nation,
        Optional<String> birthDate,
        Optional<String> address,
        String idNumber,
        Optional<String> issuer,
        String validFrom,
        String validTo,
        String samId) {

    public enum CardType { RESIDENT, FOREIGN_PERMANENT_RESIDENT, HMT_RESIDENCE_PERMIT }

    public enum Sex { MALE, FEMALE, UNKNOWN }

    public IdCardData {
        Require.present(cardType, "cardType");
        Require.text(name, "name");
        englishName = Require.optional(englishName);
        sex = Require.optional(sex);
        nation = Require.optional(nation);
        birthDate = Require.optional(birthDate);
        address = Require.optional(address);
        Require.text(idNumber, "idNumber");
        if (!idNumber.matches("[0-9A-Z]{15,18}")) {
            throw new IllegalArgumentException("idNumber does not match ^[0-9A-Z]{15,18}$");
        }
        issuer = Require.optional(issuer);
        Require.text(validFrom, "validFrom");
        Require.text(validTo, "validTo");
        Require.text(samId, "samId");
    }

    @Override
    public String toString() {
        return "IdCardData[" + cardType + ", " + Masking.idNumber(idNumber) + "]";
    }
}
