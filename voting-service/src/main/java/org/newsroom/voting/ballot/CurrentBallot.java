package org.newsroom.voting.ballot;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A voter's current ballot in a poll, under their pseudonymous key, with the answers given to their
 * last few ballot ids so that a retried request gets the same answer and counts once.
 */
@Document("ballots")
public record CurrentBallot(@Id String id, String pollId, String voterKey, long sequence, List<String> choices,
        long weight, String receipt, Instant castAt, List<Answer> recent) {

    public static final int REMEMBERED = 20;

    public record Answer(String ballotId, String receipt, List<String> choices, Instant castAt) {
    }

    public static String idOf(String pollId, String voterKey) {
        return pollId + ":" + voterKey;
    }

    public Answer answerFor(String ballotId) {
        return recent == null ? null
                : recent.stream().filter(a -> a.ballotId().equals(ballotId)).findFirst().orElse(null);
    }
}
