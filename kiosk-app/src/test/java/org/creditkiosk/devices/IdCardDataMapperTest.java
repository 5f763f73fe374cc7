package org.creditkiosk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.creditkiosk.device.idcard.CardType;
import org.creditkiosk.device.idcard.IdCardFixtures;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;

class IdCardDataMapperTest {

    private static final String SAM = "05.01-20101019-0000012345-1234567890";

    @Test
    void everyFixtureMapsToAValidContractRecordAndBack() throws Exception {
        JsonNode fixtures = Json.mapper().readTree(IdCardFixtures.class.getResourceAsStream("/idcard/cards.json"));
        List<IdentityCard> cards = IdCardFixtures.all();
        for (int i = 0; i < cards.size(); i++) {
            IdCardData data = IdCardDataMapper.toContract(cards.get(i), SAM);
            JsonNode json = Json.mapper().valueToTree(data);
            JsonNode fixture = fixtures.get("cards").get(i);
            // the fixtures are written in the contract's shape: every contract key must come out the same
            for (String key : List.of("cardType", "name", "englishName", "birthDate", "address", "idNumber", "issuer",
                    "validFrom", "validTo")) {
                assertThat(json.path(key)).as(key + " of card " + i).isEqualTo(fixture.path(key));
            }
            assertThat(json.get("samId").asText()).isEqualTo(SAM);
            // and it round-trips through the contract's JSON
            assertThat(Json.mapper().treeToValue(json, IdCardData.class)).isEqualTo(data);
        }
    }

    @Test
    void contractSpecifics() {
        IdentityCard resident = IdCardFixtures.resident();
        IdCardData r = IdCardDataMapper.toContract(resident, SAM);
        assertThat(r.validTo()).isEqualTo("LONG");
        assertThat(r.nation()).contains("01");
        assertThat(r.englishName()).isEmpty();
        assertThat(r.toString()).doesNotContain(resident.idNumber());

        IdentityCard unstated = IdCardFixtures.all().stream()
                .filter(c -> c.sex() == org.creditkiosk.device.idcard.Sex.UNSTATED).findFirst().orElseThrow();
        assertThat(IdCardDataMapper.toContract(unstated, SAM).sex()).contains(IdCardData.Sex.UNKNOWN);

        IdCardData permit = IdCardDataMapper.toContract(IdCardFixtures.byType(CardType.HMT_RESIDENCE_PERMIT, 0), SAM);
        assertThat(permit.cardType()).isEqualTo(IdCardData.CardType.HMT_RESIDENCE_PERMIT);
        assertThat(permit.nation()).isEmpty();

        IdCardData foreign = IdCardDataMapper.toContract(IdCardFixtures.byType(CardType.FOREIGN_PERMANENT_RESIDENT, 0), SAM);
        assertThat(foreign.englishName()).contains("SAMPLE JOHN PAUL MORGAN EXAMPLE");
        assertThat(foreign.nation()).contains("USA");
        assertThat(foreign.address()).isEmpty();
        assertThat(foreign.idNumber()).isEqualTo("USA110079010101");
    }
}
