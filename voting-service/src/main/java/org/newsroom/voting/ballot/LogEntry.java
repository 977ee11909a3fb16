package org.newsroom.voting.ballot;

import java.time.Instant;
import java.util.List;

/**
 * One accepted ballot in a poll's append-only log. {@code weight} is in thousandths, so sums stay
 * exact whatever the tier weights are.
 */
public record LogEntry(String pollId, long sequence, String voterKey, List<String> choices, long weight,
        Instant castAt, String prevHash, String entryHash) {

    public LogEntry {
        choices = List.copyOf(choices);
    }
}
