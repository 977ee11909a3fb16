package org.newsroom.voting.ballot;

import java.time.Instant;
import java.util.List;

/** The answer to a ballot: the receipt to check it in the log, what was chosen, when. */
public record BallotAnswer(String receipt, List<String> choices, Instant castAt) {
}
