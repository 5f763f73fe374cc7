package org.creditkiosk.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final String RECORD = """
            {"recordId":"R1","recordVersion":3,"generatedAt":"2026-11-27T03:00:00Z","dataAsOf":"2026-11-26",
             "subject":{"kind":"PERSON","name":"测试","idNumberMasked":"610802********1234"},
             "score":{"name":"桃花分","value":720,"min":300,"max":900,"grade":"AA"},
             "penalties":[{"itemId":"P1","decisionNo":"榆市监罚〔2025〕1号","violation":"v","result":"r",
                           "authority":"a","decidedOn":"2025-01-02","fineFen":10000,"repaired":true}],
             "futureField":{"x":1}}
            """;

    @Test
    void parsesARecordIgnoringUnknownFields() throws Exception {
        CreditRecord r = Json.mapper().readValue(RECORD, CreditRecord.class);
        assertThat(r.recordVersion()).isEqualTo(3);
        assertThat(r.score()).get().extracting(Score::grade).isEqualTo("AA");
        assertThat(r.penalties()).singleElement().satisfies(p -> {
            assertThat(p.isRepaired()).isTrue();
            assertThat(p.fineFen()).contains(10000L);
            assertThat(p.basis()).isEmpty();
        });
        assertThat(r.redList()).isEmpty();
        assertThat(r.toString()).doesNotContain("测试");
    }

    @Test
    void missingRequiredFieldOrWrongTypeIsRejected() {
        assertThatThrownBy(() -> Json.mapper().readValue(RECORD.replace("\"recordId\":\"R1\",", ""), CreditRecord.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("recordId");
        assertThatThrownBy(() -> Json.mapper().readValue(RECORD.replace("\"recordVersion\":3", "\"recordVersion\":\"3\""), CreditRecord.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.mapper().readValue(RECORD.replace("\"PERSON\"", "\"ALIEN\""), CreditRecord.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.mapper().readValue(RECORD.substring(0, 120), CreditRecord.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void masking() {
        assertThat(Masking.idNumber("610802199001011234")).isEqualTo("610802********1234");
        assertThat(Masking.phone("13800000000")).isEqualTo("138****0000");
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
    }
}
