package org.newsroom.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

@ServiceTest
@Import(VotingTestSupport.TestClock.class)
class PollApiTest extends VotingTestSupport {

    @Autowired
    MutableClock mutableClock;

    @Test
    void anEditorCreatesAnOpenPollAndItsTopicsGoOnTheBallot() {
        var poll = openPoll(3, "APPROVAL", 2, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        http.get().uri("/api/polls/" + pollId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.rule").isEqualTo("APPROVAL")
                .jsonPath("$.maxChoices").isEqualTo(2)
                .jsonPath("$.topicIds.length()").isEqualTo(3);
        poll.getValue().forEach(t -> http.get().uri("/api/topics/" + t).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("ON_BALLOT"));
        http.get().uri("/api/polls?status=open").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id=='" + pollId + "')]").exists();
        events("org.newsroom.voting.poll-opened.v1", pollId, 1);
    }

    @Test
    void aPollNeedsTwoToTwentyApprovedTopicsAndAnEditor() {
        String one = approvedTopic("Only one topic here");
        Instant now = clock.instant();
        editorial("/api/editorial/polls", pollRequest(List.of(one), "SINGLE", null, "EQUAL", "LIVE", List.of(),
                now, now.plusSeconds(60))).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("topicIds");

        String patron = id("patron");
        patron(patron, "Coffee", 1);
        String proposed = propose(patron, "Not approved yet");
        editorial("/api/editorial/polls", pollRequest(List.of(one, proposed), "SINGLE", null, "EQUAL", "LIVE",
                List.of(), now, now.plusSeconds(60))).expectStatus().isEqualTo(422);
        // nothing was half-written: the approved topic is still free
        http.get().uri("/api/topics/" + one).exchange().expectBody().jsonPath("$.status").isEqualTo("APPROVED");

        String two = approvedTopic("Another approved one");
        editorial("/api/editorial/polls", pollRequest(List.of(one, two), "SINGLE", null, "EQUAL", "LIVE",
                List.of("Platinum"), now, now.plusSeconds(60))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("eligibleTiers");
        editorial("/api/editorial/polls", pollRequest(List.of(one, two), "RANKED", null, "EQUAL", "LIVE",
                List.of(), now, now.plusSeconds(60))).expectStatus().isBadRequest();
        editorial("/api/editorial/polls", pollRequest(List.of(one, two), "SINGLE", null, "EQUAL", "LIVE",
                List.of(), now, now.minusSeconds(60))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field=='closesAt')]").exists();
        http.post().uri("/api/editorial/polls").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(patron)))
                .bodyValue(pollRequest(List.of(one, two), "SINGLE", null, "EQUAL", "LIVE", List.of(), now,
                        now.plusSeconds(60)))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/topics/" + one).exchange().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
    }

    @Test
    void aTopicIsOnOneRunningBallotOnly() {
        var first = openPoll(2, "SINGLE", null, "EQUAL", "LIVE", List.of());
        String other = approvedTopic("A free topic");
        Instant now = clock.instant();
        editorial("/api/editorial/polls", pollRequest(List.of(first.getValue().get(0), other), "SINGLE", null,
                "EQUAL", "LIVE", List.of(), now, now.plusSeconds(60))).expectStatus().isEqualTo(422);
        http.get().uri("/api/topics/" + other).exchange().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
    }

    @Test
    void pollsOpenAndCloseOnTheirScheduleByTheClock() {
        List<String> topics = List.of(approvedTopic("Scheduled one"), approvedTopic("Scheduled two"));
        Instant now = clock.instant();
        String pollId = editorial("/api/editorial/polls", pollRequest(topics, "SINGLE", null, "EQUAL", "LIVE",
                List.of(), now.plusSeconds(3600), now.plusSeconds(7200))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(get("/api/polls/" + pollId).get("status")).isEqualTo("SCHEDULED");

        String patron = id("patron");
        patron(patron, "Coffee", 1);
        cast(patron, pollId, List.of(topics.get(0)), id("ballot-id")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/poll-not-open");

        mutableClock.advance(Duration.ofSeconds(3601));
        await().atMost(Duration.ofSeconds(20)).until(() -> events0("org.newsroom.voting.poll-opened.v1", pollId));
        cast(patron, pollId, List.of(topics.get(1)), id("ballot-id")).expectStatus().isOk();

        mutableClock.advance(Duration.ofSeconds(3600));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SELECTED".equals(topicStatus(topics.get(1))));
        assertThat(get("/api/polls/" + pollId).get("status")).isEqualTo("CLOSED");
        assertThat(topicStatus(topics.get(0))).isEqualTo("APPROVED");
        cast(patron, pollId, List.of(topics.get(0)), id("ballot-id")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/poll-closed");
        events("org.newsroom.voting.poll-closed.v1", pollId, 1);
    }

    private boolean events0(String type, String pollId) {
        return "OPEN".equals(get("/api/polls/" + pollId).get("status"))
                && !org.newsroom.defaults.test.KafkaProbe.read(VOTING, org.newsroom.defaults.test.KafkaProbe.ofType(type)
                        .and(org.newsroom.defaults.test.KafkaProbe.withKey(pollId)), 1, Duration.ofSeconds(2)).isEmpty();
    }

    private String topicStatus(String topicId) {
        return get("/api/topics/" + topicId).get("status").toString();
    }
}
