package org.newsroom.systemtests;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

/** What patrons do in the journeys. */
final class Patrons {

    private Patrons() {
    }

    /**
     * Proposes a topic. voting-service learns that someone is a patron from membership events, so right
     * after paying a proposal may still be refused as from a reader: the patron tries again, for a few seconds.
     */
    static String propose(Person patron, String title) {
        AtomicReference<Answer> answer = new AtomicReference<>();
        Awaitility.await(patron.displayName() + " may propose a topic")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    answer.set(patron.post("/api/topics",
                            Map.of("title", title, "description", "Proposed by " + patron.displayName() + ".")));
                    return answer.get().status() != 403;
                });
        return answer.get().expect(201).text("$.id");
    }

    /** Votes, trying again for a few seconds while voting-service does not know yet that this is a patron. */
    static Answer vote(Person patron, String pollId, String topicId) {
        String ballotId = UUID.randomUUID().toString();
        AtomicReference<Answer> answer = new AtomicReference<>();
        // at most nine tries: the gateway's ballot budget is ten a minute per member
        Awaitility.await(patron.displayName() + " may vote")
                .atMost(Duration.ofSeconds(8)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer.set(vote(patron, pollId, topicId, ballotId));
                    return !(answer.get().status() == 403 && answer.get().body().contains("not-a-patron"));
                });
        return answer.get();
    }

    static Answer vote(Person patron, String pollId, String topicId, String ballotId) {
        return patron.put("/api/polls/" + pollId + "/ballot",
                Map.of("choices", java.util.List.of(topicId), "ballotId", ballotId));
    }
}
