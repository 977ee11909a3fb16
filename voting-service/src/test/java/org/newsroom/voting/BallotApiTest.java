package org.newsroom.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.defaults.test.ServiceTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
@Import(VotingTestSupport.TestClock.class)
class BallotApiTest extends VotingTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private Map<String, Object> tally(String pollId) {
        return get("/api/polls/" + pollId + "/tally");
    }

    @SuppressWarnings("unchecked")
    private long votes(String pollId, String topicId) {
        return ((List<Map<String, Object>>) tally(pollId).get("items")).stream()
                .filter(i -> topicId.equals(i.get("topicId"))).mapToLong(i -> ((Number) i.get("votes")).longValue())
                .sum();
    }

    @SuppressWarnings("unchecked")
    private double weighted(String pollId, String topicId) {
        return ((List<Map<String, Object>>) tally(pollId).get("items")).stream()
                .filter(i -> topicId.equals(i.get("topicId")))
                .mapToDouble(i -> ((Number) i.get("weighted")).doubleValue()).sum();
    }

    private long ballots(String pollId) {
        return ((Number) tally(pollId).get("ballots")).longValue();
    }

    @Test
    void aPatronCastsReplacesAndTheLastBallotCounts() {
        var poll = openPoll(3, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        List<String> t = poll.getValue();
        String anna = id("anna");
        String ben = id("ben");
        patron(anna, "Coffee", 1);
        patron(ben, "Champion", 3);

        Map<?, ?> first = cast(anna, pollId, List.of(t.get(0)), "ballot-anna-1").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("receipt").toString()).matches("1-[0-9a-f]{32}");
        assertThat(first.get("choices")).isEqualTo(List.of(t.get(0)));
        assertThat(first.get("castAt")).isNotNull();
        cast(ben, pollId, List.of(t.get(0)), "ballot-ben-1").expectStatus().isOk();
        cast(anna, pollId, List.of(t.get(1)), "ballot-anna-2").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> votes(pollId, t.get(1)) == 1 && ballots(pollId) == 2);
        assertThat(votes(pollId, t.get(0))).isEqualTo(1);
        assertThat(votes(pollId, t.get(2))).isZero();

        http.get().uri("/api/polls/" + pollId + "/ballot").headers(h -> h.setBearerAuth(reader(anna))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.choices[0]").isEqualTo(t.get(1));
        http.get().uri("/api/polls/" + pollId + "/ballot").headers(h -> h.setBearerAuth(reader(id("nobody"))))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/polls/" + pollId + "/ballot").exchange().expectStatus().isUnauthorized();

        List<ConsumerRecord<String, byte[]>> cast = events("org.newsroom.voting.ballot-cast.v1", pollId, 3);
        assertThat(cast).extracting(KafkaProbe::value).noneMatch(v -> v.contains(anna) || v.contains(ben));

        Map<?, ?> recount = http.get().uri("/api/editorial/polls/" + pollId + "/recount")
                .headers(h -> h.setBearerAuth(editor())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(recount.get("equal")).isEqualTo(true);
        assertThat(recount.get("chainIntact")).isEqualTo(true);
        assertThat(recount.get("logEntries")).isEqualTo(3);
        assertThat(recount.get("live")).isEqualTo(recount.get("recount"));
        http.get().uri("/api/editorial/polls/" + pollId + "/recount").headers(h -> h.setBearerAuth(reader(anna)))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aRetriedBallotGetsTheSameAnswerAndCountsOnce() {
        var poll = openPoll(2, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        String carla = id("carla");
        patron(carla, "Coffee", 1);
        Map<?, ?> once = cast(carla, pollId, List.of(poll.getValue().get(0)), "retry-me-123").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = cast(carla, pollId, List.of(poll.getValue().get(0)), "retry-me-123").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(once);
        assertThat(logLength(pollId)).isEqualTo(1);
        cast(carla, pollId, List.of(poll.getValue().get(1)), "retry-me-123").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/ballot-id-reused");
        assertThat(logLength(pollId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ballots(pollId) == 1);
    }

    @Test
    void everyRefusalIsAProblemAndRecordsNothing() {
        var poll = openPoll(3, "APPROVAL", 2, "EQUAL", "LIVE", List.of("Co-creator", "Champion"));
        String pollId = poll.getKey();
        List<String> t = poll.getValue();
        String reader = id("reader");
        String coffee = id("coffee");
        String lapsed = id("lapsed");
        String graceOver = id("grace-over");
        String inGrace = id("in-grace");
        String cocreator = id("cocreator");
        patron(coffee, "Coffee", 1);
        patron(cocreator, "Co-creator", 2);
        membership(lapsed, "ended", "Co-creator", 2, "LAPSED", Instant.now().minusSeconds(60), null, 3);
        membership(graceOver, "past-due", "Co-creator", 2, "PAST_DUE", Instant.now().minusSeconds(864000),
                Instant.now().minusSeconds(60), 2);
        membership(inGrace, "past-due", "Co-creator", 2, "PAST_DUE", Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86400), 2);

        refused(cast(reader, pollId, List.of(t.get(0)), id("b")), 403, "not-a-patron");
        refused(cast(coffee, pollId, List.of(t.get(0)), id("b")), 403, "tier-not-eligible");
        refused(cast(lapsed, pollId, List.of(t.get(0)), id("b")), 403, "membership-lapsed");
        refused(cast(graceOver, pollId, List.of(t.get(0)), id("b")), 403, "membership-lapsed");
        refused(cast(cocreator, pollId, List.of(t.get(0), t.get(1), t.get(2)), id("b")), 422, "too-many-choices");
        refused(cast(cocreator, pollId, List.of("not-on-ballot"), id("b")), 422, "choice-not-on-ballot");
        refused(cast(cocreator, pollId, List.of(), id("b")), 400, "validation");
        refused(cast(cocreator, pollId, List.of(t.get(0), t.get(0)), id("b")), 400, "validation");
        refused(cast(cocreator, pollId, List.of(t.get(0)), "short"), 400, "validation");
        refused(cast(cocreator, pollId, List.of(t.get(0)), null), 400, "validation");
        refused(cast(cocreator, "no-such-poll", List.of(t.get(0)), id("b")), 404, "poll-not-found");
        http.put().uri("/api/polls/" + pollId + "/ballot").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("choices", List.of(t.get(0)), "ballotId", id("b"))).exchange()
                .expectStatus().isUnauthorized();
        http.put().uri("/api/polls/" + pollId + "/ballot").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(cocreator))).bodyValue("{\"choices\": [").exchange()
                .expectStatus().isBadRequest();
        assertThat(logLength(pollId)).isZero();

        cast(inGrace, pollId, List.of(t.get(0), t.get(1)), id("b")).expectStatus().isOk();
        cast(cocreator, pollId, List.of(t.get(1)), id("b")).expectStatus().isOk();
        assertThat(logLength(pollId)).isEqualTo(2);

        editorial("/api/editorial/polls/" + pollId + "/close", Map.of()).expectStatus().isOk();
        refused(cast(cocreator, pollId, List.of(t.get(0)), id("b")), 409, "poll-closed");
        editorial("/api/editorial/polls/" + pollId + "/close", Map.of()).expectStatus().isEqualTo(409);
        assertThat(logLength(pollId)).isEqualTo(2);
    }

    private static void refused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
            int status, String slug) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/" + slug);
    }

    @Test
    void tierWeightingCountsTheWeightCarriedByMembershipEvents() {
        var poll = openPoll(2, "SINGLE", null, "TIER", "LIVE", List.of());
        String pollId = poll.getKey();
        String small = id("small");
        String big = id("big");
        patron(small, "Coffee", 1);
        patron(big, "Champion", 3);
        cast(small, pollId, List.of(poll.getValue().get(0)), id("b")).expectStatus().isOk();
        cast(big, pollId, List.of(poll.getValue().get(1)), id("b")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> ballots(pollId) == 2);
        assertThat(weighted(pollId, poll.getValue().get(0))).isEqualTo(1.0);
        assertThat(weighted(pollId, poll.getValue().get(1))).isEqualTo(3.0);
        assertThat(votes(pollId, poll.getValue().get(1))).isEqualTo(1);
    }

    @Test
    void afterCloseResultsStayHiddenUntilTheClose() {
        var poll = openPoll(2, "SINGLE", null, "EQUAL", "AFTER_CLOSE", List.of());
        String pollId = poll.getKey();
        String dora = id("dora");
        patron(dora, "Coffee", 1);
        Map<?, ?> answer = cast(dora, pollId, List.of(poll.getValue().get(1)), id("b")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        http.get().uri("/api/polls/" + pollId + "/tally").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/results-hidden");
        http.get().uri("/api/polls/" + pollId + "/tally/stream").exchange().expectStatus().isForbidden();
        // the log shows the entry, not the choice, while the poll runs
        http.get().uri("/api/polls/" + pollId + "/ballot-log").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].choices").doesNotExist()
                .jsonPath("$.items[0].entryHash").exists();
        editorial("/api/editorial/polls/" + pollId + "/close", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.selected.topicId").isEqualTo(poll.getValue().get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> ballots(pollId) == 1);
        http.get().uri("/api/polls/" + pollId + "/receipts/" + answer.get("receipt")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.included").isEqualTo(true)
                .jsonPath("$.entry.choices[0]").isEqualTo(poll.getValue().get(1));
    }

    @Test
    void theBallotLogIsPagedChainedAndReceiptsCanBeChecked() {
        var poll = openPoll(2, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        String receipt = null;
        for (int i = 0; i < 5; i++) {
            String m = id("voter");
            patron(m, "Coffee", 1);
            Map<?, ?> a = cast(m, pollId, List.of(poll.getValue().get(i % 2)), id("ballot")).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            if (i == 2) {
                receipt = a.get("receipt").toString();
            }
        }
        Map<String, Object> page1 = get("/api/polls/" + pollId + "/ballot-log?limit=2");
        assertThat((List<?>) page1.get("items")).hasSize(2);
        assertThat(page1.get("next")).isEqualTo("2");
        assertThat(page1.get("chained")).isEqualTo(true);
        Map<String, Object> page2 = get("/api/polls/" + pollId + "/ballot-log?limit=2&cursor=2");
        assertThat(((Map<?, ?>) ((List<?>) page2.get("items")).get(0)).get("sequence")).isEqualTo(3);
        assertThat(((Map<?, ?>) ((List<?>) page2.get("items")).get(0)).get("prevHash"))
                .isEqualTo(((Map<?, ?>) ((List<?>) page1.get("items")).get(1)).get("entryHash"));
        assertThat(page2.get("chained")).isEqualTo(true);
        http.get().uri("/api/polls/" + pollId + "/ballot-log?cursor=abc").exchange().expectStatus().isBadRequest();

        Map<String, Object> verify = get("/api/polls/" + pollId + "/ballot-log/verify");
        assertThat(verify.get("intact")).isEqualTo(true);
        assertThat(verify.get("entries")).isEqualTo(5);

        Map<String, Object> check = get("/api/polls/" + pollId + "/receipts/" + receipt);
        assertThat(check.get("included")).isEqualTo(true);
        assertThat(check.get("chainIntact")).isEqualTo(true);
        http.get().uri("/api/polls/" + pollId + "/receipts/3-" + "0".repeat(32)).exchange().expectStatus()
                .isNotFound();
        http.get().uri("/api/polls/" + pollId + "/receipts/garbage").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theLiveStreamPushesEachChange() {
        var poll = openPoll(2, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        String eve = id("eve");
        patron(eve, "Coffee", 1);
        Flux<ServerSentEvent<Map<String, Object>>> stream = http.get().uri("/api/polls/" + pollId + "/tally/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody();
        Thread voter = new Thread(() -> {
            try {
                Thread.sleep(500);
                cast(eve, pollId, List.of(poll.getValue().get(0)), "stream-ballot-1").expectStatus().isOk();
                await().atMost(Duration.ofSeconds(30)).until(() -> ballots(pollId) == 1);
                cast(eve, pollId, List.of(poll.getValue().get(1)), "stream-ballot-2").expectStatus().isOk();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        voter.start();
        List<ServerSentEvent<Map<String, Object>>> seen = stream
                .filter(e -> ((Number) e.data().get("ballots")).longValue() == 1)
                .map(e -> e)
                .takeUntil(e -> ((List<?>) e.data().get("items")).stream()
                        .anyMatch(i -> poll.getValue().get(1).equals(((Map<?, ?>) i).get("topicId"))
                                && ((Number) ((Map<?, ?>) i).get("votes")).longValue() == 1))
                .take(Duration.ofSeconds(30)).collectList().block();
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(0).event()).isEqualTo("tally");
        Map<String, Object> last = seen.get(seen.size() - 1).data();
        assertThat(((List<?>) last.get("items")).stream().filter(i -> poll.getValue().get(1)
                .equals(((Map<?, ?>) i).get("topicId"))).map(i -> ((Number) ((Map<?, ?>) i).get("votes")).intValue())
                .toList()).containsExactly(1);
        assertThat(seen.size()).as("the first ballot and its replacement").isGreaterThanOrEqualTo(2);
    }

    @Test
    void closingSelectsTheWinnerAndAPublishedArticleCoversIt() {
        var poll = openPoll(3, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        List<String> t = poll.getValue();
        String f = id("fay");
        String g = id("gus");
        patron(f, "Coffee", 1);
        patron(g, "Coffee", 1);
        cast(f, pollId, List.of(t.get(2)), id("b")).expectStatus().isOk();
        cast(g, pollId, List.of(t.get(1)), id("b")).expectStatus().isOk();
        // a tie on everything: the topic placed earlier on the ballot wins
        editorial("/api/editorial/polls/" + pollId + "/close", Map.of()).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SELECTED".equals(get("/api/topics/" + t.get(1)).get("status")));
        assertThat(get("/api/topics/" + t.get(2)).get("status")).isEqualTo("APPROVED");
        assertThat(get("/api/topics/" + t.get(0)).get("status")).isEqualTo("APPROVED");

        ConsumerRecord<String, byte[]> closed = events("org.newsroom.voting.poll-closed.v1", pollId, 1).get(0);
        Map<?, ?> data = JSON.readValue(KafkaProbe.value(closed), Map.class);
        assertThat(((Map<?, ?>) data.get("selected")).get("topicId")).isEqualTo(t.get(1));
        assertThat(((Number) ((Map<?, ?>) data.get("selected")).get("voteShare")).doubleValue()).isEqualTo(0.5);
        assertThat(data.get("ballots")).isEqualTo(2);
        assertThat(data.get("tieBreak").toString()).contains("earlier on the ballot");

        String article = "{\"articleId\":\"article-" + pollId + "\",\"slug\":\"the-story\",\"title\":\"The story\","
                + "\"tags\":[],\"visibility\":\"PUBLIC\",\"publishedAt\":\"" + Instant.now() + "\",\"topicId\":\""
                + t.get(1) + "\",\"version\":1,\"occurredAt\":\"" + Instant.now() + "\"}";
        CONTRACTS.assertValid("org.newsroom.article.published.v1", article);
        String eventId = KafkaProbe.send(ARTICLES, "article-" + pollId, "org.newsroom.article.published.v1", article);
        KafkaProbe.send(ARTICLES, "article-" + pollId, "org.newsroom.article.published.v1", eventId, article);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COVERED".equals(get("/api/topics/" + t.get(1)).get("status")));
        events("org.newsroom.voting.topic-covered.v1", t.get(1), 1);
        assertThat(KafkaProbe.readFor(VOTING, KafkaProbe.ofType("org.newsroom.voting.topic-covered.v1")
                .and(KafkaProbe.withKey(t.get(1))), Duration.ofSeconds(3))).hasSize(1);

        http.get().uri("/api/ballots/mine").headers(h -> h.setBearerAuth(reader(g))).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].pollId").isEqualTo(pollId)
                .jsonPath("$.items[0].choices[0].topicId").isEqualTo(t.get(1))
                .jsonPath("$.items[0].choices[0].status").isEqualTo("COVERED");
    }

    @Test
    void anErasedMemberIsForgottenButTheirBallotStaysCounted() {
        var poll = openPoll(2, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        String hal = id("hal");
        patron(hal, "Coffee", 1);
        cast(hal, pollId, List.of(poll.getValue().get(0)), id("b")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> ballots(pollId) == 1);

        String erased = "{\"memberId\":\"" + hal + "\",\"erasedAt\":\"" + Instant.now() + "\",\"version\":9}";
        CONTRACTS.assertValid("org.newsroom.membership.member-erased.v1", erased);
        KafkaProbe.send(MEMBERSHIP, hal, "org.newsroom.membership.member-erased.v1", erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> members.find(hal).block().erased());

        http.get().uri("/api/polls/" + pollId + "/ballot").headers(h -> h.setBearerAuth(reader(hal))).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/ballots/mine").headers(h -> h.setBearerAuth(reader(hal))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        refused(cast(hal, pollId, List.of(poll.getValue().get(1)), id("b")), 403, "member-erased");
        assertThat(ballots(pollId)).isEqualTo(1);
        assertThat(votes(pollId, poll.getValue().get(0))).isEqualTo(1);
        // a stale membership event does not bring the member back
        membershipNoWait(hal, 5);
        refused(cast(hal, pollId, List.of(poll.getValue().get(1)), id("b")), 403, "member-erased");
    }

    private void membershipNoWait(String memberId, long version) {
        String json = "{\"memberId\":\"" + memberId + "\",\"membershipId\":\"ms\",\"tier\":\"Coffee\",\"weight\":1,"
                + "\"period\":\"MONTHLY\",\"status\":\"ACTIVE\",\"currentPeriodEnd\":\"" + Instant.now().plusSeconds(9999)
                + "\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        KafkaProbe.send(MEMBERSHIP, memberId, "org.newsroom.membership.renewed.v1", json);
        String marker = id("marker");
        patron(marker, "Coffee", 1); // sent after, on its own key: wait for a later event to be applied
    }
}
