package org.newsroom.article.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventContracts;
import org.newsroom.defaults.test.KafkaProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ArticleServiceTest
class EventsAndCommissionsApiTest {

    static final String ARTICLES = "newsroom.article.v1";
    static final String VOTING = "newsroom.voting.v1";
    static final String POLL_CLOSED = "org.newsroom.voting.poll-closed.v1";
    static final EventContracts CONTRACTS = EventContracts.load();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Test
    @SuppressWarnings("unchecked")
    void everyProducedEventKeepsItsContractOnTheWire() {
        Map<String, Object> a = Api.createAndPublish(web, Api.draft("Contract " + UUID.randomUUID(), "Body.",
                List.of("contracts", "water"), "PATRONS", null));
        String id = (String) a.get("id");
        web.put().uri("/api/editorial/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft("Contract corrected", "Body, corrected.", List.of("contracts"), "PATRONS", null))
                .exchange().expectStatus().isOk();
        web.post().uri("/api/editorial/articles/{id}/unpublish", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.read(ARTICLES, KafkaProbe.withKey(id), 3,
                Duration.ofSeconds(30));
        assertThat(records).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(
                "org.newsroom.article.published.v1", "org.newsroom.article.updated.v1",
                "org.newsroom.article.unpublished.v1");
        long lastVersion = -1;
        for (ConsumerRecord<String, byte[]> r : records) {
            String type = KafkaProbe.header(r, "ce_type");
            String json = KafkaProbe.value(r);
            CONTRACTS.assertValid(type, json);
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value())));
            CONTRACTS.assertValidHeaders(type, headers);
            assertThat(headers).containsEntry("ce_source", "/newsroom/article-service").containsEntry("ce_subject", id);
            Map<String, Object> data = JSON.readValue(json, Map.class);
            assertThat(data).containsEntry("articleId", id).containsEntry("slug", a.get("slug"))
                    .containsEntry("visibility", "PATRONS").doesNotContainKey("body").doesNotContainKey("html");
            long version = ((Number) data.get("version")).longValue();
            assertThat(version).isGreaterThan(lastVersion);
            lastVersion = version;
        }
        Map<String, Object> updated = JSON.readValue(KafkaProbe.value(records.get(1)), Map.class);
        assertThat(updated).containsEntry("title", "Contract corrected").containsEntry("tags", List.of("contracts"));
        Map<String, Object> unpublished = JSON.readValue(KafkaProbe.value(records.get(2)), Map.class);
        assertThat(unpublished).containsKey("unpublishedAt");
        assertThat(records).extracting(r -> KafkaProbe.header(r, "ce_id")).doesNotHaveDuplicates();
    }

    static String pollClosed(String pollId, String topicId, String title) {
        ObjectNode node = (ObjectNode) JSON.readTree(CONTRACTS.example(POLL_CLOSED));
        node.put("pollId", pollId);
        ObjectNode selected = (ObjectNode) node.get("selected");
        selected.put("topicId", topicId);
        selected.put("title", title);
        String json = JSON.writeValueAsString(node);
        CONTRACTS.assertValid(POLL_CLOSED, json);
        return json;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> commissionsFor(String pollId) {
        Map<String, Object> page = web.get().uri("/api/commissions?limit=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(c -> pollId.equals(c.get("pollId"))).toList();
    }

    @Test
    void aClosedPollCreatesOneCommissionEvenWhenRedelivered() {
        String pollId = UUID.randomUUID().toString();
        String topicId = UUID.randomUUID().toString();
        String json = pollClosed(pollId, topicId, "What happened to the night buses?");
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, eventId, json);
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, eventId, json);
        // Published again under a new id (a producer retry after a crash): still the same poll.
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, json);
        // A later event on the same key: once it is in, everything before it has been consumed.
        String marker = UUID.randomUUID().toString();
        KafkaProbe.send(VOTING, pollId, "org.newsroom.voting.topic-covered.v1", marker,
                CONTRACTS.example("org.newsroom.voting.topic-covered.v1"));
        String laterPoll = UUID.randomUUID().toString();
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, pollClosed(laterPoll, topicId + "-x", "Later"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !commissionsFor(laterPoll).isEmpty());
        List<Map<String, Object>> commissions = commissionsFor(pollId);
        assertThat(commissions).hasSize(1);
        assertThat(commissions.get(0)).containsEntry("topicId", topicId).containsEntry("status", "OPEN")
                .containsEntry("title", "What happened to the night buses?").containsEntry("voteShare", 0.4539);
    }

    @Test
    @SuppressWarnings("unchecked")
    void editorsAssignACommissionAndPublishingItsArticleDeliversIt() {
        String pollId = UUID.randomUUID().toString();
        String topicId = UUID.randomUUID().toString();
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, pollClosed(pollId, topicId, "Where does our tap water come from?"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !commissionsFor(pollId).isEmpty());
        String commissionId = (String) commissionsFor(pollId).get(0).get("id");

        web.put().uri("/api/commissions/{id}/assignment", commissionId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.reader("m-" + UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("writer", "Sneaky"))
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/commissions/{id}/assignment", commissionId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("writer", " "))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("writer");
        web.put().uri("/api/commissions/{id}/assignment", "no-such-commission")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("writer", "Ada Reporter"))
                .exchange().expectStatus().isNotFound();
        web.put().uri("/api/commissions/{id}/assignment", commissionId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("writer", "Ada Reporter"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.writer").isEqualTo("Ada Reporter");

        Map<String, Object> article = Api.createAndPublish(web, Api.draft("Following the water " + UUID.randomUUID(),
                "The water story.", List.of("water"), "PUBLIC", topicId));
        Map<String, Object> delivered = commissionsFor(pollId).get(0);
        assertThat(delivered).containsEntry("status", "DELIVERED").containsEntry("articleSlug", article.get("slug"));

        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.read(ARTICLES,
                KafkaProbe.withKey((String) article.get("id")).and(KafkaProbe.ofType("org.newsroom.article.published.v1")),
                1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        Map<String, Object> data = JSON.readValue(KafkaProbe.value(published.get(0)), Map.class);
        assertThat(data).containsEntry("topicId", topicId);

        web.put().uri("/api/commissions/{id}/assignment", commissionId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("writer", "Too Late"))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aCommissionForATopicAlreadyCoveredIsDeliveredAtOnce() {
        String pollId = UUID.randomUUID().toString();
        String topicId = UUID.randomUUID().toString();
        Api.createAndPublish(web, Api.draft("Early " + UUID.randomUUID(), "Out before the result.", List.of(),
                "PUBLIC", topicId));
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, pollClosed(pollId, topicId, "Early topic"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !commissionsFor(pollId).isEmpty()
                && "DELIVERED".equals(commissionsFor(pollId).get(0).get("status")));
    }

    @Test
    void aPollClosedWithoutASelectedTopicCommissionsNothing() {
        String pollId = UUID.randomUUID().toString();
        ObjectNode node = (ObjectNode) JSON.readTree(CONTRACTS.example(POLL_CLOSED));
        node.put("pollId", pollId);
        node.putNull("selected");
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, JSON.writeValueAsString(node));
        String marker = UUID.randomUUID().toString();
        KafkaProbe.send(VOTING, pollId, POLL_CLOSED, pollClosed(marker, UUID.randomUUID().toString(), "Marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !commissionsFor(marker).isEmpty());
        assertThat(commissionsFor(pollId)).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void everyVotingExampleEventIsConsumedAndOnlyTheResultCommissions() {
        String examplePoll = (String) JSON.readValue(CONTRACTS.example(POLL_CLOSED), Map.class).get("pollId");
        List<String> ids = new java.util.ArrayList<>();
        for (String type : CONTRACTS.types()) {
            if (type.startsWith("org.newsroom.voting.")) {
                ids.add(KafkaProbe.send(VOTING, examplePoll, type, CONTRACTS.example(type)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> commissionsFor(examplePoll).size() == 1);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(8);
        assertThat(KafkaProbe.readFor("error." + VOTING + "." + group,
                r -> ids.contains(KafkaProbe.header(r, "ce_id")), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void commissionsArePublicAndBadFiltersAre400() {
        web.get().uri("/api/commissions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items").isArray().jsonPath("$.next").hasJsonPath();
        web.get().uri("/api/commissions?status=LOST").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
