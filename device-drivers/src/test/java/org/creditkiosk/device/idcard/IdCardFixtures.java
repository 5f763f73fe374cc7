package org.creditkiosk.device.idcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The test cards of {@code idcard/cards.json} (synthetic people, IdCardData shape of the platform contract), each
 * with a deterministic 1024-byte stand-in for the opaque photo.
 */
public final class IdCardFixtures {

    private IdCardFixtures() {
    }

    public static List<IdentityCard> all() {
        try (InputStream in = IdCardFixtures.class.getResourceAsStream("/idcard/cards.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<IdentityCard> cards = new ArrayList<>();
            for (JsonNode n : root.get("cards")) {
                cards.add(card(n));
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IdentityCard byType(CardType type, int index) {
        return all().stream().filter(c -> c.cardType() == type).skip(index).findFirst().orElseThrow();
    }

    public static IdentityCard resident() {
        return byType(CardType.RESIDENT, 0);
    }

    static IdentityCard card(JsonNode n) {
        String validTo = n.get("validTo").asText();
        String id = n.get("idNumber").asText();
        byte[] photo = new byte[CardText.PHOTO_SIZE];
        new Random(id.hashCode()).nextBytes(photo);
        return new IdentityCard(
                CardType.valueOf(n.get("cardType").asText()),
                n.get("name").asText(),
                text(n, "englishName"),
                Sex.valueOf(n.get("sex").asText()),
                text(n, "nation").orElse(""),
                LocalDate.parse(n.get("birthDate").asText()),
                text(n, "address").orElse(""),
                id,
                text(n, "issuer").orElse(""),
                LocalDate.parse(n.get("validFrom").asText()),
                "LONG".equals(validTo) ? Optional.empty() : Optional.of(LocalDate.parse(validTo)),
                text(n, "passNumber"),
                n.has("issueCount") ? Optional.of(n.get("issueCount").asInt()) : Optional.empty(),
                text(n, "cardVersion"),
                photo);
    }

    private static Optional<String> text(JsonNode n, String key) {
        return n.has(key) ? Optional.of(n.get(key).asText()) : Optional.empty();
    }
}
