package org.newsroom.voting.tally;

import java.util.HashMap;
import java.util.Map;

import org.newsroom.voting.ballot.LogEntry;

/** Counts a ballot log from scratch: the entry with the highest sequence per voter key counts. */
public final class Recount {

    private final Map<String, LogEntry> last = new HashMap<>();

    public Recount add(LogEntry e) {
        last.merge(e.voterKey(), e, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        return this;
    }

    public Counts counts() {
        Counts c = Counts.EMPTY;
        for (LogEntry e : last.values()) {
            c = c.plus(Counts.delta(null, new CountedBallot(e.sequence(), e.choices(), e.weight())));
        }
        return c;
    }
}
