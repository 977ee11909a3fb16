package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * Journey 4: the poll closes, a commission appears for the winning topic, the editor publishes an article
 * for it, and the topic is covered in its voters' {@code GET /api/ballots/mine}.
 */
@ExtendWith(NewsroomStack.class)
class TheChosenStoryIsCoveredForItsVotersJourneyTest {

    /** Events cross Kafka between the services: a few seconds. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(15);

    private static Gateway gateway;

    @BeforeAll
    static void client(Running stack) {
        gateway = Gateway.fromNewAddress(stack.gatewayUrl());
    }

    @AfterAll
    static void noServiceFailed() {
        gateway.assertNoServerErrors();
    }

    @Test
    void theWinningTopicBecomesACommissionAndThenACoveredStoryForItsVoters() {
        Person dana = Person.newPatron(gateway, "Dana Coffee", "coffee");
        Person eli = Person.newPatron(gateway, "Eli Coffee", "coffee");
        Person fay = Person.newPatron(gateway, "Fay Champion", "champion");
        Editor editor = Editor.demo(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String parks = Patrons.propose(dana, "Who waters the parks in August? " + run);
        String schools = Patrons.propose(fay, "Why do the school roofs leak? " + run);
        editor.approve(parks);
        editor.approve(schools);
        String pollId = editor.openPoll("Story for next month " + run, List.of(parks, schools)).text("$.id");
        Patrons.vote(dana, pollId, parks).expect(200);
        Patrons.vote(eli, pollId, parks).expect(200);
        Patrons.vote(fay, pollId, schools).expect(200);

        Answer closed = editor.person().post("/api/editorial/polls/" + pollId + "/close", null).expect(200);
        assertThat(closed.text("$.status")).isEqualTo("CLOSED");
        assertThat(closed.text("$.selected.topicId")).isEqualTo(parks);
        assertThat(gateway.get("/api/polls/" + pollId).expect(200).text("$.status")).isEqualTo("CLOSED");
        Patrons.vote(eli, pollId, schools).expectProblem(409);

        Awaitility.await("a commission for the winning topic").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> !commissionsFor(parks).isEmpty());
        Map<String, Object> commission = commissionsFor(parks).get(0);
        assertThat(commission).containsEntry("pollId", pollId).containsEntry("status", "OPEN");
        assertThat(((Number) commission.get("voteShare")).doubleValue()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(commissionsFor(schools)).as("commissions for the topic that lost").isEmpty();
        assertThat(gateway.get("/api/topics/" + parks).expect(200).text("$.status")).isEqualTo("SELECTED");
        assertThat(choiceStatus(dana, pollId, parks)).isEqualTo("SELECTED");

        String slug = editor.publish("Who waters the parks: the answer " + run,
                "We followed the water trucks for a week.", "PUBLIC", parks).text("$.slug");
        assertThat(gateway.get("/api/articles/" + slug).expect(200).text("$.topicId")).isEqualTo(parks);

        Awaitility.await("the topic covered for its voters").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(choiceStatus(dana, pollId, parks)).isEqualTo("COVERED");
                    assertThat(choiceStatus(eli, pollId, parks)).isEqualTo("COVERED");
                });
        assertThat(gateway.get("/api/topics/" + parks).expect(200).text("$.status")).isEqualTo("COVERED");
        assertThat(choiceStatus(fay, pollId, schools)).as("what became of the topic that lost").isEqualTo("APPROVED");
        Awaitility.await("the commission delivered").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> "DELIVERED".equals(commissionsFor(parks).get(0).get("status")));
    }

    private static List<Map<String, Object>> commissionsFor(String topicId) {
        return gateway.get("/api/commissions").expect(200).json("$.items[?(@.topicId == '" + topicId + "')]");
    }

    private static String choiceStatus(Person voter, String pollId, String topicId) {
        Answer mine = voter.get("/api/ballots/mine").expect(200);
        List<String> statuses = mine.json("$.items[?(@.pollId == '" + pollId + "')].choices[?(@.topicId == '"
                + topicId + "')].status");
        assertThat(statuses).as("%s's ballot in poll %s: %s", voter.displayName(), pollId, mine.body()).hasSize(1);
        return statuses.get(0);
    }
}
