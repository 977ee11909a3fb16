package org.newsroom.voting.tally;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** A tally store in memory with the same write semantics as the MongoDB one: each write is atomic. */
final class MemoryTallyStore implements TallyStore {

    private final Map<String, TallyState> tallies = new HashMap<>();
    private final Map<String, CountedBallot> voters = new HashMap<>();

    @Override
    public TallyState tally(String pollId) {
        return tallies.getOrDefault(pollId, TallyState.empty());
    }

    @Override
    public Map<String, CountedBallot> counted(String pollId, Collection<String> voterKeys) {
        Map<String, CountedBallot> found = new HashMap<>();
        voterKeys.forEach(k -> {
            CountedBallot b = voters.get(pollId + ":" + k);
            if (b != null) {
                found.put(k, b);
            }
        });
        return found;
    }

    @Override
    public boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion) {
        TallyState t = tally(pollId);
        if (t.version() != expectedVersion || t.offset(partition) >= offset) {
            return false;
        }
        Map<Integer, Long> offsets = new HashMap<>(t.offsets());
        offsets.put(partition, offset);
        tallies.put(pollId, new TallyState(t.counts().plus(delta), offsets, t.version() + 1));
        return true;
    }

    @Override
    public void markCounted(String pollId, Map<String, CountedBallot> ballots) {
        ballots.forEach((voterKey, ballot) -> voters.merge(pollId + ":" + voterKey, ballot,
                (a, b) -> a.sequence() >= b.sequence() ? a : b));
    }
}
