package org.newsroom.voting.ballot;

import java.time.Instant;
import java.util.List;

public final class BallotEvents {

    public static final String CAST = "org.newsroom.voting.ballot-cast.v1";

    private BallotEvents() {
    }

    /** Weight as a number (the log keeps thousandths); version is 1 + sequence (see PollEvents). */
    public record Cast(String pollId, String voterKey, List<String> choices, double weight, long sequence,
            String entryHash, Instant castAt, long version) {

        public static Cast of(LogEntry e) {
            return new Cast(e.pollId(), e.voterKey(), e.choices(), e.weight() / 1000.0, e.sequence(), e.entryHash(),
                    e.castAt(), 1 + e.sequence());
        }
    }
}
