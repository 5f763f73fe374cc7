package org.creditkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creditkiosk.platform.api.Json;

/**
 * The hall's own content from the administrators' bundle (issue 12): attract slides, an announcement with a validity
 * window, opening hours per weekday and closed dates. Parsed and checked here, so a bundle with a bad value is refused
 * whole like any other (keys {@code hall.*} in {@link ConfigKeys}). Files are named by SHA-256 and fetched from the
 * platform's {@code /v1/content/{sha256}}.
 */
public final class HallContent {

    private HallContent() {
    }

    public static final int MAX_SLIDES = 12;

    /** One attract slide: an image by SHA-256, captions, how long it shows. */
    public record Slide(String sha256, String captionZh, String captionEn, int durationS) {
    }

    /** An announcement banner shown from {@code from} until {@code until} (either open). */
    public record Announcement(String zh, String en, Optional<Instant> from, Optional<Instant> until) {

        public boolean shownAt(Instant now) {
            return from.map(f -> !now.isBefore(f)).orElse(true) && until.map(now::isBefore).orElse(true);
        }
    }

    /** A time range within a day, {@code [from, to)}; {@code 24:00} is the end of the day. */
    public record Range(LocalTime from, LocalTime to, boolean toEndOfDay) {

        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (toEndOfDay || t.isBefore(to));
        }

        @Override
        public String toString() {
            return from + "-" + (toEndOfDay ? "24:00" : to.toString());
        }
    }

    /**
     * Opening hours per weekday (a day without ranges is closed) and closed dates; {@link #ALWAYS} when not set.
     *
     * @param days empty map: always open
     */
    public record Hours(Map<DayOfWeek, List<Range>> days, Set<LocalDate> closedDates) {

        public static final Hours ALWAYS = new Hours(Map.of(), Set.of());

        public boolean configured() {
            return !days.isEmpty() || !closedDates.isEmpty();
        }

        public boolean openAt(ZonedDateTime t) {
            if (closedDates.contains(t.toLocalDate())) {
                return false;
            }
            if (days.isEmpty()) {
                return true;
            }
            return days.getOrDefault(t.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(t.toLocalTime()));
        }

        /** The ranges of a weekday as text, e.g. {@code 08:30-12:00, 14:00-17:30}; empty when closed. */
        public String of(DayOfWeek day) {
            return String.join(", ", days.getOrDefault(day, List.of()).stream().map(Range::toString).toList());
        }
    }

    static List<Slide> slides(String json) {
        JsonNode root = tree(json, "[]");
        if (!root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of slides");
        }
        if (root.size() > MAX_SLIDES) {
            throw new IllegalArgumentException(root.size() + " slides, at most " + MAX_SLIDES);
        }
        List<Slide> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode s = root.get(i);
            String at = "slide " + (i + 1) + ": ";
            if (!s.isObject()) {
                throw new IllegalArgumentException(at + "not an object");
            }
            String sha = text(s, "sha256", at);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(at + "sha256 must be 64 lowercase hex digits (kiosk admin content prints it)");
            }
            String zh = text(s, "captionZh", at);
            String en = text(s, "captionEn", at);
            if (zh.length() > 40 || en.length() > 90) {
                throw new IllegalArgumentException(at + "captions at most 40 (zh) and 90 (en) characters");
            }
            JsonNode d = s.get("durationS");
            int duration = d == null ? 8 : d.canConvertToInt() && d.isIntegralNumber() ? d.asInt() : -1;
            if (d != null && d.isTextual() && d.asText().matches("\\d{1,3}")) {
                duration = Integer.parseInt(d.asText());
            }
            if (duration < 3 || duration > 120) {
                throw new IllegalArgumentException(at + "durationS must be 3 to 120 seconds");
            }
            out.add(new Slide(sha, zh, en, duration));
        }
        return List.copyOf(out);
    }

    static Optional<Announcement> announcement(String json) {
        JsonNode a = tree(json, "{}");
        if (!a.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {zh, en, from, until}");
        }
        if (a.isEmpty()) {
            return Optional.empty();
        }
        String zh = text(a, "zh", "");
        String en = a.has("en") ? text(a, "en", "") : "";
        if (zh.length() > 120 || en.length() > 240) {
            throw new IllegalArgumentException("announcement at most 120 (zh) and 240 (en) characters");
        }
        Optional<Instant> from = instant(a, "from");
        Optional<Instant> until = instant(a, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("announcement 'from' must be before 'until'");
        }
        return Optional.of(new Announcement(zh, en, from, until));
    }

    static Hours hours(String json, String closedDates) {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        JsonNode h = tree(json, "{}");
        if (!h.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of weekdays, e.g. {\"mon\":\"08:30-12:00,14:00-17:30\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            DayOfWeek day = day(e.getKey());
            List<Range> ranges = new ArrayList<>();
            String v = e.getValue().asText().strip();
            if (!v.isEmpty()) {
                for (String part : v.split(",")) {
                    ranges.add(range(e.getKey(), part.strip()));
                }
            }
            days.put(day, List.copyOf(ranges));
        }
        if (!days.isEmpty()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                days.putIfAbsent(d, List.of());
            }
        }
        return new Hours(Collections.unmodifiableMap(days), dates(closedDates));
    }

    static Set<LocalDate> dates(String list) {
        Set<LocalDate> out = new TreeSet<>();
        for (String d : list.split(",")) {
            if (d.isBlank()) {
                continue;
            }
            try {
                out.add(LocalDate.parse(d.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + d.strip() + "' is not a date YYYY-MM-DD");
            }
        }
        return Collections.unmodifiableSet(out);
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a time zone id (e.g. Asia/Shanghai)");
        }
    }

    private static DayOfWeek day(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            case "sun" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException("'" + key + "' is not a weekday (mon, tue, wed, thu, fri, sat, sun)");
        };
    }

    private static Range range(String day, String text) {
        String[] p = text.split("-");
        try {
            if (p.length != 2) {
                throw new DateTimeParseException("", text, 0);
            }
            LocalTime from = LocalTime.parse(p[0].strip());
            boolean end = p[1].strip().equals("24:00");
            LocalTime to = end ? LocalTime.MAX : LocalTime.parse(p[1].strip());
            if (!end && !from.isBefore(to)) {
                throw new IllegalArgumentException(day + ": '" + text + "' ends before it starts");
            }
            return new Range(from, to, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(day + ": '" + text + "' is not HH:MM-HH:MM");
        }
    }

    private static JsonNode tree(String json, String empty) {
        String t = json.isBlank() ? empty : json;
        try {
            return Json.mapper().readTree(t);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException("not JSON (" + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m) + ")");
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + field + " is missing or empty");
        }
        return v.asText().strip();
    }

    private static Optional<Instant> instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v.asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("announcement '" + field + "' is not an instant like 2026-12-01T00:00:00Z");
        }
    }
}
