package org.newsroom.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventContracts contracts = EventContracts.load();

    static List<String> types() {
        return List.copyOf(EventContracts.load().types());
    }

    @Test
    void knowsEveryEventTypeOfTheThreeTopics() {
        assertThat(contracts.topics())
                .containsExactly("newsroom.membership.v1", "newsroom.article.v1", "newsroom.voting.v1");
        assertThat(contracts.types()).hasSize(18)
                .contains("org.newsroom.membership.activated.v1", "org.newsroom.article.published.v1",
                        "org.newsroom.voting.ballot-cast.v1");
    }

    @Test
    void loadsOnceAndShares() {
        assertThat(EventContracts.load()).isSameAs(contracts);
    }

    @Test
    void namesTheTopicAndTheKeyOfAType() {
        assertThat(contracts.topicOf("org.newsroom.membership.ended.v1")).isEqualTo("newsroom.membership.v1");
        assertThat(contracts.topicOf("org.newsroom.article.unpublished.v1")).isEqualTo("newsroom.article.v1");
        assertThat(contracts.topicOf("org.newsroom.voting.topic-covered.v1")).isEqualTo("newsroom.voting.v1");
        assertThat(contracts.keyFieldOf("org.newsroom.membership.tier-changed.v1")).isEqualTo("memberId");
        assertThat(contracts.keyFieldOf("org.newsroom.article.updated.v1")).isEqualTo("articleId");
        assertThat(contracts.keyFieldOf("org.newsroom.voting.topic-merged.v1")).isEqualTo("topicId");
        assertThat(contracts.keyFieldOf("org.newsroom.voting.ballot-cast.v1")).isEqualTo("pollId");
        assertThat(contracts.keyFieldOf("org.newsroom.voting.poll-closed.v1")).isEqualTo("pollId");
    }

    @Test
    void everyTypeLivesOnTheTopicOfItsDomain() {
        for (String type : contracts.types()) {
            String domain = type.split("\\.")[2];
            assertThat(contracts.topicOf(type)).as(type).isEqualTo("newsroom." + domain + ".v1");
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void theExampleKeepsItsContract(String type) {
        assertThat(contracts.validate(type, contracts.example(type))).as(type).isEmpty();
        assertThatCode(() -> contracts.assertValid(type, contracts.example(type))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theExampleCarriesItsRecordKeyAndVersion(String type) {
        JsonNode example = JSON.readTree(contracts.example(type));
        assertThat(example.path(contracts.keyFieldOf(type)).asString()).as(type).isNotBlank();
        assertThat(example.path("version").isIntegralNumber()).as(type).isTrue();
    }

    @Test
    void anUnknownTypeIsOneError() {
        List<String> errors = contracts.validate("org.newsroom.membership.upgraded.v1", "{}");
        assertThat(errors).singleElement().asString()
                .contains("unknown event type 'org.newsroom.membership.upgraded.v1'");
    }

    @Test
    void somethingThatIsNotJsonIsOneError() {
        assertThat(contracts.validate("org.newsroom.article.published.v1", "{\"articleId\": ")).singleElement()
                .asString().contains("not valid JSON");
        assertThat(contracts.validate("org.newsroom.article.published.v1", "")).hasSize(1);
        assertThat(contracts.validate("org.newsroom.article.published.v1", null)).hasSize(1);
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRejected() {
        assertThat(contracts.validate("org.newsroom.article.published.v1", "[]")).isNotEmpty();
        assertThat(contracts.validate("org.newsroom.article.published.v1", "null")).isNotEmpty();
    }

    @Test
    void assertValidListsEveryViolation() {
        String type = "org.newsroom.membership.activated.v1";
        String broken = contracts.example(type).replace("\"ACTIVE\"", "\"GOLD\"").replace("\"MONTHLY\"", "\"WEEKLY\"");

        assertThatThrownBy(() -> contracts.assertValid(type, broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(type)
                .hasMessageContaining("status")
                .hasMessageContaining("period");
    }

    @Test
    void additionalFieldsAreAllowedBecauseChangesAreAdditive() {
        String type = "org.newsroom.article.published.v1";
        String withMore = contracts.example(type).replaceFirst("\\{", "{\"readingMinutes\": 9, ");
        assertThat(contracts.validate(type, withMore)).isEmpty();
    }

    @Test
    void anExampleOfAnUnknownTypeIsRefused() {
        assertThatThrownBy(() -> contracts.example("org.newsroom.voting.poll-cancelled.v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poll-cancelled");
        assertThatThrownBy(() -> contracts.topicOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headersOfARecordAsMembershipServiceSendsThemKeepTheContract() {
        assertThat(contracts.validateHeaders("org.newsroom.membership.activated.v1", headers())).isEmpty();
    }

    @Test
    void headersWithAnotherTypeSourceOrVersionOrAMissingIdAreRejected() {
        String type = "org.newsroom.membership.activated.v1";
        Map<String, String> wrongType = headers();
        wrongType.put("ce_type", "org.newsroom.membership.renewed.v1");
        Map<String, String> wrongSource = headers();
        wrongSource.put("ce_source", "/newsroom/voting-service");
        Map<String, String> wrongSpec = headers();
        wrongSpec.put("ce_specversion", "0.3");
        Map<String, String> noId = headers();
        noId.remove("ce_id");
        Map<String, String> badTime = headers();
        badTime.put("ce_time", "yesterday");
        Map<String, String> textPlain = headers();
        textPlain.put("content-type", "text/plain");

        assertThat(contracts.validateHeaders(type, wrongType)).anySatisfy(e -> assertThat(e).contains("ce_type"));
        assertThat(contracts.validateHeaders(type, wrongSource)).anySatisfy(e -> assertThat(e).contains("ce_source"));
        assertThat(contracts.validateHeaders(type, wrongSpec)).anySatisfy(e -> assertThat(e).contains("ce_specversion"));
        assertThat(contracts.validateHeaders(type, noId)).anySatisfy(e -> assertThat(e).contains("ce_id"));
        assertThat(contracts.validateHeaders(type, badTime)).anySatisfy(e -> assertThat(e).contains("ce_time"));
        assertThat(contracts.validateHeaders(type, textPlain)).anySatisfy(e -> assertThat(e).contains("content-type"));
        assertThatThrownBy(() -> contracts.assertValidHeaders(type, noId)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ce_id");
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", "8d0c6f5e-2b1a-4c3d-9e8f-7a6b5c4d3e2f");
        headers.put("ce_source", "/newsroom/membership-service");
        headers.put("ce_type", "org.newsroom.membership.activated.v1");
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", "2026-01-12T18:45:31Z");
        headers.put("ce_subject", "0f8b6c2e-4d1a-4e7b-9c35-2a6d8e1f5b70");
        headers.put("content-type", "application/json");
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        return headers;
    }
}
