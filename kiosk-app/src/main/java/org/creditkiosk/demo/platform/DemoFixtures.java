package org.creditkiosk.demo.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.Representation;

/**
 * The demo platform's data, read from {@code /demo/} on the classpath ({@code kiosk-app/src/main/resources/demo}):
 * {@code records/<recordId>.json} in the contract's CreditRecord shape, {@code cards.json} (the simulated ID cards,
 * IdCardData shape), {@code persons.json} and {@code subjects.json} (who is who, who represents whom),
 * {@code qr-tokens.json} (city-app codes) and {@code public-lists.json}. All people are synthetic.
 */
public final class DemoFixtures {

    /** A person the platform knows: their card number, record and organisations. */
    public record PersonFixture(String idNumber, String recordId, CardStatus cardStatus, List<Represents> represents,
                                Optional<String> label) {
        public PersonFixture {
            represents = represents == null ? List.of() : List.copyOf(represents);
            label = label == null ? Optional.empty() : label;
        }

        @Override
        public String toString() {
            return "PersonFixture[" + recordId + "]";
        }
    }

    public enum CardStatus { VALID, REVOKED }

    public record Represents(String uscc, Representation.Role role) {
    }

    public record SubjectFixture(String uscc, String recordId) {
    }

    public record QrToken(String payload, String idNumber, QrState state) {
        @Override
        public String toString() {
            return "QrToken[" + state + "]";
        }
    }

    public enum QrState { VALID, EXPIRED, USED }

    private static final String ROOT = "/demo/";

    private final List<IdCardData> cards;
    private final Map<String, PersonFixture> personsById = new LinkedHashMap<>();
    private final Map<String, SubjectFixture> subjectsByUscc = new LinkedHashMap<>();
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private final Map<String, QrToken> qrTokens = new LinkedHashMap<>();
    private final List<ListSearchPage.Item> publicLists;

    private DemoFixtures() {
        cards = read("cards.json", new TypeReference<List<IdCardData>>() { });
        for (PersonFixture p : read("persons.json", new TypeReference<List<PersonFixture>>() { })) {
            personsById.put(p.idNumber(), p);
            records.put(p.recordId(), readRecord(p.recordId()));
        }
        for (SubjectFixture s : read("subjects.json", new TypeReference<List<SubjectFixture>>() { })) {
            subjectsByUscc.put(s.uscc(), s);
            records.put(s.recordId(), readRecord(s.recordId()));
        }
        for (QrToken q : read("qr-tokens.json", new TypeReference<List<QrToken>>() { })) {
            qrTokens.put(q.payload(), q);
        }
        publicLists = read("public-lists.json", new TypeReference<List<ListSearchPage.Item>>() { });
    }

    /** Reads and checks every fixture file; a broken fixture fails here, at start, with the file named. */
    public static DemoFixtures load() {
        return new DemoFixtures();
    }

    /** The simulated ID cards, in the order of {@code cards.json} (the demo panel shows them in this order). */
    public List<IdCardData> cards() {
        return cards;
    }

    public Map<String, PersonFixture> persons() {
        return personsById;
    }

    public Map<String, SubjectFixture> subjects() {
        return subjectsByUscc;
    }

    public Map<String, QrToken> qrTokens() {
        return qrTokens;
    }

    public List<ListSearchPage.Item> publicLists() {
        return publicLists;
    }

    /** A fresh mutable copy of every record as JSON, keyed by record id (the server changes versions and objections). */
    public Map<String, ObjectNode> recordTrees() {
        Map<String, ObjectNode> copy = new LinkedHashMap<>();
        records.forEach((id, node) -> copy.put(id, node.deepCopy()));
        return copy;
    }

    /** The record as the contract type. */
    public CreditRecord record(String recordId) {
        try {
            return Json.mapper().treeToValue(records.get(recordId), CreditRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readRecord(String recordId) {
        JsonNode node = read("records/" + recordId + ".json", new TypeReference<JsonNode>() { });
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("demo fixture records/" + recordId + ".json is not a JSON object");
        }
        try {
            Json.mapper().treeToValue(object, CreditRecord.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo fixture records/" + recordId + ".json is not a contract CreditRecord: "
                    + e.getMessage(), e);
        }
        if (!recordId.equals(object.path("recordId").asText())) {
            throw new IllegalStateException("demo fixture records/" + recordId + ".json has another recordId");
        }
        return object;
    }

    private static <T> T read(String name, TypeReference<T> type) {
        try (InputStream in = DemoFixtures.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo fixture " + ROOT + name + " is missing from the classpath");
            }
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("demo fixture " + ROOT + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
