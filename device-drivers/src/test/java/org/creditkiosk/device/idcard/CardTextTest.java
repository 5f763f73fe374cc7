package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardTextTest {

    @Test
    void everyFixtureSurvivesEncodeAndDecode() {
        assertThat(IdCardFixtures.all()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(card -> {
            CardText.Result r = CardText.decode(CardText.encode(card), card.photo());
            assertThat(r).isInstanceOfSatisfying(CardText.Decoded.class, d -> assertThat(d.card()).isEqualTo(card));
        });
    }

    @Test
    void residentBlockHasTheStandardOffsetsAndLongTerm() {
        IdentityCard card = IdCardFixtures.resident();
        byte[] t = CardText.encode(card);
        assertThat(new String(t, 122, 36, StandardCharsets.UTF_16LE)).isEqualTo("11010519491231002X");
        assertThat(new String(t, 32, 4, StandardCharsets.UTF_16LE)).isEqualTo("01");
        assertThat(new String(t, 204, 16, StandardCharsets.UTF_16LE)).isEqualTo("长期      ");
        assertThat(new String(t, 248, 2, StandardCharsets.UTF_16LE)).isEqualTo(" ");
        assertThat(card.validTo()).isEmpty();
        assertThat(card.nationName()).isEqualTo("汉");
    }

    @Test
    void layoutsAreToldApartByTheTypeCharacter() {
        IdentityCard permit = IdCardFixtures.byType(CardType.HMT_RESIDENCE_PERMIT, 0);
        assertThat(new String(CardText.encode(permit), 248, 2, StandardCharsets.UTF_16LE)).isEqualTo("J");
        assertThat(permit.passNumber()).contains("H12345678");
        assertThat(permit.issueCount()).contains(1);

        IdentityCard foreign2017 = IdCardFixtures.byType(CardType.FOREIGN_PERMANENT_RESIDENT, 0);
        byte[] t = CardText.encode(foreign2017);
        assertThat(new String(t, 248, 2, StandardCharsets.UTF_16LE)).isEqualTo("I");
        // inner spaces of an English name survive: only the padding is trimmed
        assertThat(foreign2017.englishName()).contains("SAMPLE JOHN PAUL MORGAN EXAMPLE");
        assertThat(((CardText.Decoded) CardText.decode(t, new byte[0])).card().englishName())
                .contains("SAMPLE JOHN PAUL MORGAN EXAMPLE");

        IdentityCard foreign2023 = IdCardFixtures.byType(CardType.FOREIGN_PERMANENT_RESIDENT, 1);
        assertThat(new String(CardText.encode(foreign2023), 248, 2, StandardCharsets.UTF_16LE)).isEqualTo("Y");
        assertThat(foreign2023.englishName().orElseThrow()).hasSizeGreaterThan(35);
    }

    @Test
    void extensionACharacterRoundTrips() {
        IdentityCard card = IdCardFixtures.all().stream().filter(c -> c.name().contains("䶮")).findFirst().orElseThrow();
        byte[] t = CardText.encode(card);
        assertThat(t[2]).isEqualTo((byte) 0xAE);
        assertThat(t[3]).isEqualTo((byte) 0x4D);
        assertThat(((CardText.Decoded) CardText.decode(t, new byte[0])).card().name()).isEqualTo("李䶮华");
    }

    @Test
    void badCheckCharacterIsARejectionNotACard() {
        IdentityCard good = IdCardFixtures.resident();
        byte[] t = CardText.encode(good);
        byte[] bad = "110105194912310021".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(bad, 0, t, 122, bad.length);
        assertThat(CardText.decode(t, new byte[0])).isInstanceOfSatisfying(CardText.Rejected.class, r ->
                assertThat(r.outcome()).isEqualTo(new IdCardOutcome.InvalidIdNumber(CardType.RESIDENT, "110105********0021")));
    }

    @Test
    void unreadableFieldsAreNamedNotShown() {
        byte[] t = CardText.encode(IdCardFixtures.resident());
        byte[] z = Arrays.copyOf(t, t.length);
        System.arraycopy("2".getBytes(StandardCharsets.UTF_16LE), 0, z, 44, 2); // birth 19492231
        assertThat(CardText.decode(z, new byte[0]))
                .isEqualTo(new CardText.Rejected(new IdCardOutcome.UnreadableText("birth date")));
        byte[] y = Arrays.copyOf(t, t.length);
        System.arraycopy("Q".getBytes(StandardCharsets.UTF_16LE), 0, y, 248, 2);
        assertThat(CardText.decode(y, new byte[0]))
                .isEqualTo(new CardText.Rejected(new IdCardOutcome.UnreadableText("card type")));
    }

    @Test
    void identityNumbersAndMasking() {
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValid("440524188001010014")).isTrue();
        assertThat(IdNumbers.isValid("440524188001010015")).isFalse();
        assertThat(IdNumbers.isValid("11010519491231002x")).isFalse();
        assertThat(IdNumbers.isValid("4405241880010100")).isFalse();
        assertThat(IdNumbers.checkCharacter("61080219900101123")).isEqualTo('X');
        assertThat(IdNumbers.mask("610802199001011234")).isEqualTo("610802********1234");
        IdentityCard card = IdCardFixtures.resident();
        assertThat(card.toString()).isEqualTo("IdentityCard[RESIDENT, 110105********002X]")
                .doesNotContain(card.name()).doesNotContain(card.address());
    }

    @Test
    void nationsAndSexCodes() {
        assertThat(Nations.name("56")).contains("基诺");
        assertThat(Nations.name("98")).contains("外国血统中国籍人士");
        assertThat(Nations.name("57")).isEmpty();
        assertThat(Sex.ofCode('9')).contains(Sex.UNSTATED);
        IdentityCard c = new IdentityCard(CardType.RESIDENT, "示例", Optional.empty(), Sex.MALE, "01",
                LocalDate.of(1990, 1, 1), "地址", "11010519491231002X", "机关", LocalDate.of(2020, 1, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new byte[0]);
        assertThat(c.isValidWithoutEnd()).isTrue();
    }

    @Test
    void samIdTextForm() {
        byte[] b = SamIds.parse(IdCardReaderSimulator.DEFAULT_SAM_ID);
        assertThat(b).hasSize(16);
        assertThat(SamIds.format(b)).isEqualTo(IdCardReaderSimulator.DEFAULT_SAM_ID);
    }
}
