package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;

/** The hall content keys: what they accept, what a bundle with a bad one gets (refused whole), and the hours' rule. */
class HallContentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SHA = "a".repeat(64);

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI);
    }

    @Test
    void openingHoursPerWeekdayAndClosedDates() {
        HallContent.Hours h = new HallContent.Hours(ConfigKeys.HALL_HOURS.parse(
                "{\"mon\":\"08:30-12:00,14:00-17:30\",\"sat\":\"09:00-12:00\",\"sun\":\"\"}").days(),
                ConfigKeys.HALL_CLOSED_DATES.parse("2026-12-07"));
        // 2026-11-30 is a Monday
        assertThat(h.openAt(at("2026-11-30T08:29"))).isFalse();
        assertThat(h.openAt(at("2026-11-30T08:30"))).isTrue();
        assertThat(h.openAt(at("2026-11-30T12:00"))).as("lunch").isFalse();
        assertThat(h.openAt(at("2026-11-30T17:29"))).isTrue();
        assertThat(h.openAt(at("2026-11-30T17:30"))).isFalse();
        assertThat(h.openAt(at("2026-12-01T10:00"))).as("a day left out is closed").isFalse();
        assertThat(h.openAt(at("2026-12-05T10:00"))).isTrue();
        assertThat(h.openAt(at("2026-12-06T10:00"))).as("empty: closed").isFalse();
        assertThat(h.openAt(at("2026-12-07T10:00"))).as("a closed Monday").isFalse();
        assertThat(h.of(java.time.DayOfWeek.MONDAY)).isEqualTo("08:30-12:00, 14:00-17:30");
        assertThat(HallContent.Hours.ALWAYS.openAt(at("2026-12-06T03:00"))).isTrue();
        assertThat(ConfigKeys.HALL_HOURS.parse("{\"fri\":\"00:00-24:00\"}").openAt(at("2026-12-04T23:59"))).isTrue();
    }

    @Test
    void aBundleWithABadHallValueIsRefusedWithOneLineEach() throws Exception {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        s.put("hall.slides", Json.mapper().readTree("[{\"sha256\":\"" + SHA + "\",\"captionZh\":\"好\",\"captionEn\":\"Good\",\"durationS\":2}]"));
        s.put("hall.hours", Json.mapper().readTree("{\"mon\":\"17:00-08:00\"}"));
        s.put("hall.announcement", Json.mapper().readTree("{\"zh\":\"公告\",\"from\":\"tomorrow\"}"));
        s.put("hall.closedDates", JsonNodeFactory.instance.textNode("2026-02-30"));
        s.put("hall.timeZone", JsonNodeFactory.instance.textNode("Mars/Olympus"));
        SignedConfig.SettingsCheck c = SignedConfig.checkSettings(s, "test");
        assertThat(c.problems()).hasSize(5);
        assertThat(String.join("\n", c.problems())).contains("durationS must be 3 to 120", "ends before it starts",
                "'from' is not an instant", "'2026-02-30' is not a date", "not a time zone id");

        Map<String, JsonNode> good = new LinkedHashMap<>();
        good.put("hall.slides", Json.mapper().readTree("[{\"sha256\":\"" + SHA + "\",\"captionZh\":\"好\",\"captionEn\":\"Good\"}]"));
        good.put("hall.announcement", Json.mapper().readTree("{\"zh\":\"公告\",\"until\":\"2026-12-31T16:00:00Z\"}"));
        SignedConfig.SettingsCheck ok = SignedConfig.checkSettings(good, "test");
        assertThat(ok.ok()).as(ok.problems().toString()).isTrue();
        List<HallContent.Slide> slides = ConfigKeys.HALL_SLIDES.parse(ok.values().get("hall.slides"));
        assertThat(slides).containsExactly(new HallContent.Slide(SHA, "好", "Good", 8));
        var a = ConfigKeys.HALL_ANNOUNCEMENT.parse(ok.values().get("hall.announcement")).orElseThrow();
        assertThat(a.shownAt(java.time.Instant.parse("2026-12-31T15:59:59Z"))).isTrue();
        assertThat(a.shownAt(java.time.Instant.parse("2026-12-31T16:00:00Z"))).isFalse();
        assertThat(ConfigKeys.HALL_SLIDES.parse("")).isEmpty();
        assertThat(ConfigKeys.HALL_ANNOUNCEMENT.parse("")).isEmpty();
    }
}
