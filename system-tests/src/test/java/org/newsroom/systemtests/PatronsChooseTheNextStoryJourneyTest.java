package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * Journey 3: patrons propose topics, the editor approves them and opens a poll, three patrons vote and one
 * replaces their ballot, a reader's ballot is refused; the live tally stream shows each change, and the
 * counts equal the recount from the ballot log.
 */
@ExtendWith(NewsroomStack.class)
class PatronsChooseTheNextStoryJourneyTest {

    private static final Duration STREAM_PATIENCE = Duration.ofSeconds(10);

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
    void patronsVoteAndTheLiveTallyShowsEachChangeAndEqualsTheRecount() throws Exception {
        Person ana = Person.newPatron(gateway, "Ana Coffee", "coffee");
        Person ben = Person.newPatron(gateway, "Ben Cocreator", "co-creator");
        Person cleo = Person.newPatron(gateway, "Cleo Champion", "champion");
        Person reader = Person.registerReader(gateway, "Rob Reader");
        Editor editor = Editor.demo(gateway);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String markets = Patrons.propose(ana, "Who runs the weekly markets? " + run);
        String bridges = Patrons.propose(ben, "How safe are the old bridges? " + run);
        assertThat(gateway.get("/api/topics/" + markets).expect(200).text("$.status")).isEqualTo("PROPOSED");
        Answer readerProposal = reader.post("/api/topics", Map.of("title", "A reader's idea " + run,
                "description", "Readers do not propose."));
        readerProposal.expectProblem(403);

        editor.approve(markets);
        editor.approve(bridges);
        String pollId = editor.openPoll("Our next story " + run, List.of(markets, bridges)).text("$.id");
        assertThat(gateway.get("/api/topics/" + markets).expect(200).text("$.status")).isEqualTo("ON_BALLOT");

        try (TallyStream stream = TallyStream.open(gateway, pollId)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            awaitTally(stream, pollId, markets, bridges, 0, 0, 0);

            Answer anasBallot = Patrons.vote(ana, pollId, markets).expect(200);
            assertThat(anasBallot.text("$.receipt")).isNotBlank();
            awaitTally(stream, pollId, markets, bridges, 1, 1, 0);

            Patrons.vote(ben, pollId, markets).expect(200);
            awaitTally(stream, pollId, markets, bridges, 2, 2, 0);

            Patrons.vote(cleo, pollId, bridges).expect(200);
            awaitTally(stream, pollId, markets, bridges, 3, 2, 1);

            // Ben changes his mind: the last ballot counts
            String retryId = UUID.randomUUID().toString();
            Answer replaced = Patrons.vote(ben, pollId, bridges, retryId).expect(200);
            awaitTally(stream, pollId, markets, bridges, 3, 1, 2);
            // a retry of the same request (same ballotId) gives the same answer and counts once
            Answer retried = Patrons.vote(ben, pollId, bridges, retryId).expect(200);
            assertThat(retried.text("$.receipt")).isEqualTo(replaced.text("$.receipt"));

            // once, not "until voting-service knows": a reader is never eligible
            Patrons.vote(reader, pollId, markets, UUID.randomUUID().toString()).expectProblem(403, "not-a-patron");

            assertThat(ben.get("/api/polls/" + pollId + "/ballot").expect(200).<List<String>>json("$.choices"))
                    .containsExactly(bridges);
            assertThat(gateway.get("/api/polls/" + pollId + "/receipts/" + anasBallot.text("$.receipt")).expect(200)
                    .<Boolean>json("$.included")).isTrue();

            // every change, in order, and nothing else (the retry and the refused ballot changed nothing)
            List<List<Long>> seen = distinctCounts(stream.events(), markets, bridges);
            assertThat(seen).containsExactly(List.of(0L, 0L, 0L), List.of(1L, 1L, 0L), List.of(2L, 2L, 0L),
                    List.of(3L, 2L, 1L), List.of(3L, 1L, 2L));
        }

        Answer tally = gateway.get("/api/polls/" + pollId + "/tally").expect(200);
        assertThat(counts(tally.body(), markets, bridges)).containsExactly(3L, 1L, 2L);
        Answer recount = editor.person().get("/api/editorial/polls/" + pollId + "/recount").expect(200);
        assertThat(recount.<Boolean>json("$.equal")).isTrue();
        assertThat(recount.<Boolean>json("$.chainIntact")).isTrue();
        assertThat(counts(JsonPath.parse(recount.body()).read("$.recount", Map.class), markets, bridges))
                .isEqualTo(counts(tally.body(), markets, bridges));
        assertThat(((Number) recount.json("$.logEntries")).longValue()).as("accepted ballots in the log").isEqualTo(4);
    }

    /** Waits until the stream has shown this tally: ballots, and votes for each topic. */
    private static void awaitTally(TallyStream stream, String pollId, String first, String second, long ballots,
            long firstVotes, long secondVotes) {
        Awaitility.await("tally stream shows " + ballots + " ballots, " + firstVotes + " and " + secondVotes + " votes")
                .atMost(STREAM_PATIENCE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(stream.failure()).isNull();
                    assertThat(stream.events()).isNotEmpty();
                    String last = stream.events().get(stream.events().size() - 1);
                    assertThat(JsonPath.<String>read(last, "$.pollId")).isEqualTo(pollId);
                    assertThat(counts(last, first, second)).containsExactly(ballots, firstVotes, secondVotes);
                });
    }

    private static List<List<Long>> distinctCounts(List<String> events, String first, String second) {
        List<List<Long>> result = new ArrayList<>();
        for (String event : events) {
            List<Long> counts = counts(event, first, second);
            if (result.isEmpty() || !result.get(result.size() - 1).equals(counts)) {
                result.add(counts);
            }
        }
        return result;
    }

    private static List<Long> counts(Object tally, String first, String second) {
        var json = tally instanceof String s ? JsonPath.parse(s) : JsonPath.parse(tally);
        return List.of(((Number) json.read("$.ballots")).longValue(), votes(json, first), votes(json, second));
    }

    private static long votes(com.jayway.jsonpath.DocumentContext tally, String topicId) {
        List<Number> votes = tally.read("$.items[?(@.topicId == '" + topicId + "')].votes");
        assertThat(votes).hasSize(1);
        return votes.get(0).longValue();
    }
}
