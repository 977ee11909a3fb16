package org.newsroom.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breaks each example in every way its schema forbids (a required field missing, an enum value
 * unknown, a value of the wrong JSON type, a time that is not an ISO-8601 UTC time) and expects the
 * contract to reject it, naming the field.
 */
class SchemasRejectBrokenEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContracts CONTRACTS = EventContracts.load();

    record Breakage(String type, String field, String how, String payload) {
        @Override
        public String toString() {
            return type + ": " + field + " " + how;
        }
    }

    static Stream<Arguments> breakages() {
        List<Arguments> all = new ArrayList<>();
        for (String type : CONTRACTS.types()) {
            List<Breakage> forType = breakagesOf(type);
            // Every schema has required fields and typed properties, so a type without breakages means this
            // test stopped looking, not that the schema is strict.
            assertThat(forType).as(type).hasSizeGreaterThan(5);
            forType.forEach(b -> all.add(Arguments.of(b)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void theSchemaRejectsTheBrokenExample(Breakage breakage) {
        List<String> errors = CONTRACTS.validate(breakage.type(), breakage.payload());

        assertThat(errors).as("%s\n%s", breakage, breakage.payload())
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(breakage.field()));
    }

    private static List<Breakage> breakagesOf(String type) {
        ObjectNode schema = (ObjectNode) JSON.readTree(resource("contracts/schemas/" + type + ".json"));
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.example(type));
        List<Breakage> breakages = new ArrayList<>();

        for (JsonNode required : schema.path("required")) {
            String field = required.asString();
            breakages.add(broken(type, example, field, "is missing", e -> e.remove(field)));
        }
        for (var property : schema.path("properties").properties()) {
            String field = property.getKey();
            JsonNode definition = property.getValue();
            Set<String> types = typesOf(definition);
            breakages.add(broken(type, example, field, "has the wrong JSON type",
                    e -> e.set(field, valueOfAnotherType(types))));
            if (definition.has("enum")) {
                breakages.add(broken(type, example, field, "has a value outside its enum",
                        e -> e.put(field, "NOT_A_" + field.toUpperCase())));
            }
            if ("date-time".equals(definition.path("format").asString(""))) {
                breakages.add(broken(type, example, field, "is not a time",
                        e -> e.put(field, "next Tuesday")));
                breakages.add(broken(type, example, field, "is not in UTC",
                        e -> e.put(field, "2026-03-05T08:31:48+01:00")));
            }
            if (types.contains("string") && definition.path("minLength").asInt(0) > 0) {
                breakages.add(broken(type, example, field, "is empty", e -> e.put(field, "")));
            }
            if ("version".equals(field)) {
                breakages.add(broken(type, example, field, "is negative", e -> e.put(field, -1)));
            }
        }
        return breakages;
    }

    private static Breakage broken(String type, ObjectNode example, String field, String how,
            Consumer<ObjectNode> change) {
        ObjectNode copy = example.deepCopy();
        change.accept(copy);
        return new Breakage(type, field, how, JSON.writeValueAsString(copy));
    }

    private static Set<String> typesOf(JsonNode definition) {
        JsonNode type = definition.path("type");
        if (type.isArray()) {
            Set<String> types = new java.util.HashSet<>();
            type.forEach(t -> types.add(t.asString()));
            return types;
        }
        return Set.of(type.asString());
    }

    private static JsonNode valueOfAnotherType(Set<String> allowed) {
        if (!allowed.contains("object")) {
            return JSON.createObjectNode().put("unexpected", true);
        }
        return JSON.getNodeFactory().booleanNode(true);
    }

    // Rules a field-by-field breakage does not reach

    @Test
    void aSingleChoicePollAllowsOneChoiceOnly() {
        assertRejected("org.newsroom.voting.poll-opened.v1", e -> e.put("maxChoices", 3), "maxChoices");
        assertAccepted("org.newsroom.voting.poll-opened.v1", e -> e.put("rule", "APPROVAL").put("maxChoices", 2));
    }

    @Test
    void aPollNeedsTwoTopicsEachWithIdAndTitle() {
        String type = "org.newsroom.voting.poll-opened.v1";
        assertRejected(type, e -> {
            ArrayNode topics = (ArrayNode) e.get("topics");
            topics.remove(2);
            topics.remove(1);
        }, "topics");
        assertRejected(type, e -> ((ObjectNode) e.get("topics").get(0)).remove("title"), "title");
        assertRejected(type, e -> e.set("eligibleTiers", JSON.createArrayNode()), "eligibleTiers");
    }

    @Test
    void aPastDueEventIsPastDueAndSaysWhenGraceEnds() {
        String type = "org.newsroom.membership.past-due.v1";
        assertRejected(type, e -> e.put("status", "ACTIVE"), "status");
        assertRejected(type, e -> e.putNull("graceEndsAt"), "graceEndsAt");
    }

    @Test
    void anEndedMembershipIsNoLongerAPatronAndSaysWhy() {
        String type = "org.newsroom.membership.ended.v1";
        assertRejected(type, e -> e.put("status", "ACTIVE"), "status");
        assertRejected(type, e -> e.put("status", "CANCELLED"), "status");
        assertRejected(type, e -> e.put("reason", "BORED"), "reason");
        assertAccepted(type, e -> e.put("status", "LAPSED").put("reason", "LAPSED").putNull("period"));
    }

    @Test
    void optionalTimesMayBeNullOrAbsent() {
        String type = "org.newsroom.membership.tier-changed.v1";
        assertAccepted(type, e -> e.putNull("currentPeriodEnd").putNull("graceEndsAt"));
        assertAccepted(type, e -> {
            e.remove("currentPeriodEnd");
            e.remove("graceEndsAt");
        });
        assertRejected(type, e -> e.putNull("occurredAt"), "occurredAt");
    }

    @Test
    void anActivatedMembershipHasAPeriodAndItsEnd() {
        String type = "org.newsroom.membership.activated.v1";
        assertRejected(type, e -> e.putNull("period"), "period");
        assertRejected(type, e -> e.putNull("currentPeriodEnd"), "currentPeriodEnd");
        assertRejected(type, e -> e.put("weight", -1), "weight");
        assertAccepted(type, e -> e.put("status", "COMPLIMENTARY").put("period", "COMPLIMENTARY"));
    }

    @Test
    void anArticleMayCoverNoTopicButNeedsAUrlSafeSlugAndDistinctTags() {
        String type = "org.newsroom.article.published.v1";
        assertAccepted(type, e -> e.putNull("topicId"));
        assertAccepted(type, e -> e.remove("topicId"));
        assertAccepted(type, e -> e.set("tags", JSON.createArrayNode()));
        assertRejected(type, e -> e.put("slug", "Following the Water"), "slug");
        assertRejected(type, e -> e.put("slug", "following--the-water"), "slug");
        assertRejected(type, e -> ((ArrayNode) e.get("tags")).add("water"), "tags");
        assertRejected(type, e -> e.put("visibility", "SECRET"), "visibility");
    }

    @Test
    void aBallotChoosesDistinctTopicsAndCarriesAHexHash() {
        String type = "org.newsroom.voting.ballot-cast.v1";
        assertRejected(type, e -> e.set("choices", JSON.createArrayNode()), "choices");
        assertRejected(type, e -> ((ArrayNode) e.get("choices")).add(e.get("choices").get(0).asString()), "choices");
        assertRejected(type, e -> e.put("entryHash", "not-a-hash"), "entryHash");
        assertRejected(type, e -> e.put("weight", 0), "weight");
        assertRejected(type, e -> e.put("sequence", 0), "sequence");
    }

    @Test
    void aClosedPollsResultsAndWinnerAreComplete() {
        String type = "org.newsroom.voting.poll-closed.v1";
        assertRejected(type, e -> ((ObjectNode) e.get("results").get(1)).remove("votes"), "votes");
        assertRejected(type, e -> ((ObjectNode) e.get("results").get(0)).put("weighted", "a lot"), "weighted");
        assertRejected(type, e -> ((ObjectNode) e.get("selected")).put("voteShare", 1.5), "voteShare");
        assertRejected(type, e -> ((ObjectNode) e.get("selected")).remove("topicId"), "topicId");
        assertAccepted(type, e -> e.put("ballots", 0).putNull("selected").set("results", JSON.createArrayNode()));
        assertAccepted(type, e -> e.put("tieBreak", "earliest approved topic"));
    }

    private static void assertRejected(String type, Consumer<ObjectNode> change, String field) {
        String payload = changed(type, change);
        assertThat(CONTRACTS.validate(type, payload)).as("%s\n%s", type, payload)
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(field));
    }

    private static void assertAccepted(String type, Consumer<ObjectNode> change) {
        String payload = changed(type, change);
        assertThat(CONTRACTS.validate(type, payload)).as("%s\n%s", type, payload).isEmpty();
    }

    private static String changed(String type, Consumer<ObjectNode> change) {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.example(type));
        change.accept(example);
        return JSON.writeValueAsString(example);
    }

    static String resource(String name) {
        try (InputStream in = SchemasRejectBrokenEventsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
