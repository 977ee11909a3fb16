package org.newsroom.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What consumers rely on, written down here independently of the schema files (from
 * docs/conventions.md), so a schema that quietly stops requiring a field or widens an enum fails.
 */
class ConventionsPinnedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContracts CONTRACTS = EventContracts.load();

    private static final List<String> MEMBERSHIP_STATE = List.of("memberId", "membershipId", "tier", "weight",
            "period", "status", "version", "occurredAt");
    private static final List<String> ARTICLE = List.of("articleId", "slug", "title", "tags", "visibility",
            "publishedAt", "version", "occurredAt");

    private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        String m = "org.newsroom.membership.";
        REQUIRED.put(m + "member-registered.v1", List.of("memberId", "displayName", "registeredAt", "version"));
        REQUIRED.put(m + "activated.v1", plus(MEMBERSHIP_STATE, "currentPeriodEnd"));
        REQUIRED.put(m + "renewed.v1", plus(MEMBERSHIP_STATE, "currentPeriodEnd"));
        REQUIRED.put(m + "tier-changed.v1", plus(MEMBERSHIP_STATE, "previousTier"));
        REQUIRED.put(m + "past-due.v1", plus(MEMBERSHIP_STATE, "graceEndsAt"));
        REQUIRED.put(m + "ended.v1", plus(MEMBERSHIP_STATE, "reason"));
        REQUIRED.put(m + "member-erased.v1", List.of("memberId", "erasedAt", "version"));
        String a = "org.newsroom.article.";
        REQUIRED.put(a + "published.v1", ARTICLE);
        REQUIRED.put(a + "updated.v1", ARTICLE);
        REQUIRED.put(a + "unpublished.v1", plus(ARTICLE, "unpublishedAt"));
        String v = "org.newsroom.voting.";
        REQUIRED.put(v + "topic-proposed.v1", List.of("topicId", "title", "description", "proposedAt", "version"));
        REQUIRED.put(v + "topic-approved.v1", List.of("topicId", "title", "approvedAt", "version"));
        REQUIRED.put(v + "topic-declined.v1", List.of("topicId", "title", "reason", "declinedAt", "version"));
        REQUIRED.put(v + "topic-merged.v1", List.of("topicId", "mergedInto", "mergedAt", "version"));
        REQUIRED.put(v + "poll-opened.v1", List.of("pollId", "title", "topics", "rule", "maxChoices", "weighting",
                "resultsVisibility", "eligibleTiers", "opensAt", "closesAt", "version"));
        REQUIRED.put(v + "ballot-cast.v1", List.of("pollId", "voterKey", "choices", "weight", "sequence", "entryHash",
                "castAt", "version"));
        REQUIRED.put(v + "poll-closed.v1", List.of("pollId", "title", "closedAt", "ballots", "results", "version"));
        REQUIRED.put(v + "topic-covered.v1", List.of("topicId", "articleId", "slug", "coveredAt", "version"));
    }

    @Test
    void pinsEveryTypeTheContractsKnow() {
        assertThat(CONTRACTS.types()).containsExactlyInAnyOrderElementsOf(REQUIRED.keySet());
    }

    static Stream<Arguments> requiredFields() {
        List<Arguments> all = new ArrayList<>();
        REQUIRED.forEach((type, fields) -> fields.forEach(field -> all.add(Arguments.of(type, field))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} requires {1}")
    @MethodSource("requiredFields")
    void anEventWithoutAFieldConsumersNeedIsRejected(String type, String field) {
        assertThat(errors(type, e -> e.remove(field))).anySatisfy(error -> assertThat(error).contains(field));
    }

    @Test
    void membershipStatusIsOneOfTheEightStatuses() {
        String type = "org.newsroom.membership.tier-changed.v1";
        for (String status : List.of("NONE", "PENDING", "ACTIVE", "PAST_DUE", "CANCELLED", "LAPSED", "ENDED",
                "COMPLIMENTARY")) {
            assertThat(errors(type, e -> e.put("status", status))).as(status).isEmpty();
        }
        for (String type2 : List.of(type, "org.newsroom.membership.activated.v1", "org.newsroom.membership.ended.v1")) {
            assertThat(errors(type2, e -> e.put("status", "GOLD"))).as(type2).isNotEmpty();
            assertThat(errors(type2, e -> e.put("status", "active"))).as(type2).isNotEmpty();
        }
    }

    @Test
    void membershipPeriodIsMonthlyYearlyOrComplimentary() {
        String type = "org.newsroom.membership.renewed.v1";
        for (String period : List.of("MONTHLY", "YEARLY", "COMPLIMENTARY")) {
            assertThat(errors(type, e -> e.put("period", period))).as(period).isEmpty();
        }
        assertThat(errors(type, e -> e.put("period", "WEEKLY"))).isNotEmpty();
    }

    @Test
    void aMembershipEndsForOneOfTheKnownReasons() {
        String type = "org.newsroom.membership.ended.v1";
        for (String reason : List.of("LAPSED", "CANCELLED", "REFUNDED", "FRAUD", "COMPLIMENTARY_EXPIRED",
                "PLEDGE_DELETED", "ERASED")) {
            assertThat(errors(type, e -> e.put("reason", reason))).as(reason).isEmpty();
        }
        assertThat(errors(type, e -> e.put("reason", "UNHAPPY"))).isNotEmpty();
    }

    @Test
    void articleVisibilityIsPublicOrPatrons() {
        String type = "org.newsroom.article.updated.v1";
        assertThat(errors(type, e -> e.put("visibility", "PUBLIC"))).isEmpty();
        assertThat(errors(type, e -> e.put("visibility", "PATRONS"))).isEmpty();
        assertThat(errors(type, e -> e.put("visibility", "PRIVATE"))).isNotEmpty();
    }

    @Test
    void pollRuleWeightingAndResultsVisibilityAreClosedSets() {
        String type = "org.newsroom.voting.poll-opened.v1";
        assertThat(errors(type, e -> e.put("rule", "APPROVAL").put("maxChoices", 2)
                .put("weighting", "TIER").put("resultsVisibility", "AFTER_CLOSE"))).isEmpty();
        assertThat(errors(type, e -> e.put("rule", "RANKED"))).isNotEmpty();
        assertThat(errors(type, e -> e.put("weighting", "BY_AGE"))).isNotEmpty();
        assertThat(errors(type, e -> e.put("resultsVisibility", "NEVER"))).isNotEmpty();
    }

    private static List<String> errors(String type, Consumer<ObjectNode> change) {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.example(type));
        change.accept(example);
        return CONTRACTS.validate(type, JSON.writeValueAsString(example));
    }

    private static List<String> plus(List<String> fields, String field) {
        List<String> all = new ArrayList<>(fields);
        all.add(field);
        return List.copyOf(all);
    }
}
