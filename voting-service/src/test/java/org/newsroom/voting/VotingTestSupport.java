package org.newsroom.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.EventContracts;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.defaults.test.TestIssuer;
import org.newsroom.voting.member.MemberStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the voting API tests share: the client, tokens, membership events, and reading our own events. */
public abstract class VotingTestSupport {

    public static final String MEMBERSHIP = "newsroom.membership.v1";
    public static final String ARTICLES = "newsroom.article.v1";
    public static final String VOTING = "newsroom.voting.v1";
    public static final EventContracts CONTRACTS = EventContracts.load();

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected MemberStore members;

    @Autowired
    protected Clock clock;

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String reader(String memberId) {
        return TestIssuer.shared().token(memberId, "READER");
    }

    protected static String editor() {
        return TestIssuer.shared().token("editor-1", "READER", "EDITOR");
    }

    /** Makes {@code memberId} a patron of {@code tier} through a real membership event, and waits for it. */
    protected void patron(String memberId, String tier, double weight) {
        membership(memberId, "activated", tier, weight, "ACTIVE", Instant.now().plusSeconds(30 * 86400), null, 1);
    }

    protected void membership(String memberId, String kind, String tier, double weight, String status,
            Instant periodEnd, Instant graceEnd, long version) {
        String json = "{\"memberId\":\"" + memberId + "\",\"membershipId\":\"ms-" + memberId + "\",\"tier\":\"" + tier
                + "\",\"weight\":" + weight + ",\"period\":\"MONTHLY\",\"status\":\"" + status
                + "\",\"currentPeriodEnd\":\"" + periodEnd + "\""
                + (graceEnd == null ? "" : ",\"graceEndsAt\":\"" + graceEnd + "\"")
                + (kind.equals("ended") ? ",\"reason\":\"LAPSED\"" : "")
                + ",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        String type = "org.newsroom.membership." + kind + ".v1";
        CONTRACTS.assertValid(type, json);
        KafkaProbe.send(MEMBERSHIP, memberId, type, json);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var s = members.find(memberId).block();
            return s != null && s.version() >= version;
        });
    }

    protected String propose(String memberId, String title) {
        return http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(memberId)))
                .bodyValue(Map.of("title", title, "description", "Readers asked about it."))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    protected String approvedTopic(String title) {
        String proposer = id("proposer");
        String topicId = http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(editor()))
                .bodyValue(Map.of("title", title, "description", ""))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(proposer).isNotNull();
        editorial("/api/editorial/topics/" + topicId + "/approve", Map.of()).expectStatus().isOk();
        return topicId;
    }

    protected WebTestClient.ResponseSpec editorial(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(editor()))
                .bodyValue(body).exchange();
    }

    protected Map<String, Object> pollRequest(List<String> topicIds, String rule, Integer maxChoices, String weighting,
            String visibility, List<String> tiers, Instant opensAt, Instant closesAt) {
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("title", "What should we investigate next?");
        r.put("topicIds", topicIds);
        r.put("opensAt", opensAt.toString());
        r.put("closesAt", closesAt.toString());
        r.put("rule", rule);
        if (maxChoices != null) {
            r.put("maxChoices", maxChoices);
        }
        r.put("weighting", weighting);
        r.put("resultsVisibility", visibility);
        r.put("eligibleTiers", tiers);
        return r;
    }

    /** An open poll on {@code n} fresh approved topics; answers the poll id and the topic ids. */
    protected Map.Entry<String, List<String>> openPoll(int n, String rule, Integer maxChoices, String weighting,
            String visibility, List<String> tiers) {
        List<String> topics = java.util.stream.IntStream.range(0, n).mapToObj(i -> approvedTopic("Topic number " + i))
                .toList();
        Instant now = clock.instant();
        String pollId = editorial("/api/editorial/polls", pollRequest(topics, rule, maxChoices, weighting, visibility,
                tiers, now.minusSeconds(1), now.plusSeconds(3600)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        return Map.entry(pollId, topics);
    }

    protected WebTestClient.ResponseSpec cast(String memberId, String pollId, List<String> choices, String ballotId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("choices", choices);
        body.put("ballotId", ballotId);
        return http.put().uri("/api/polls/" + pollId + "/ballot").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(memberId))).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    protected long logLength(String pollId) {
        return ((List<?>) get("/api/polls/" + pollId + "/ballot-log?limit=500").get("items")).size();
    }

    /** Our own events of one type about one aggregate, each checked against its schema and headers. */
    protected List<ConsumerRecord<String, byte[]>> events(String type, String key, int expected) {
        Predicate<ConsumerRecord<String, byte[]>> match = KafkaProbe.ofType(type).and(KafkaProbe.withKey(key));
        List<ConsumerRecord<String, byte[]>> found = KafkaProbe.read(VOTING, match, expected, Duration.ofSeconds(30));
        assertThat(found).as(type + " about " + key).hasSizeGreaterThanOrEqualTo(expected);
        for (ConsumerRecord<String, byte[]> r : found) {
            CONTRACTS.assertValid(type, KafkaProbe.value(r));
            assertThat(KafkaProbe.header(r, "ce_source")).isEqualTo("/newsroom/voting-service");
            assertThat(KafkaProbe.header(r, "ce_subject")).isEqualTo(key);
        }
        return found;
    }
}
