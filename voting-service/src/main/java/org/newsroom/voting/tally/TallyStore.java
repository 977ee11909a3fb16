package org.newsroom.voting.tally;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the tally consumer keeps its state. Every write is one document: the counts together with
 * the partition offsets they include, and per voter the ballot the counts include.
 */
public interface TallyStore {

    /** The counts of a poll and the highest offset applied per partition; an empty tally if none yet. */
    TallyState tally(String pollId);

    /** The ballots of these voters that the counts include (voters without one are left out): one read. */
    Map<String, CountedBallot> counted(String pollId, Collection<String> voterKeys);

    /** The ballot of a voter that the counts include, or null. */
    default CountedBallot counted(String pollId, String voterKey) {
        return counted(pollId, List.of(voterKey)).get(voterKey);
    }

    /**
     * Adds {@code delta} to the counts and records {@code offset} as applied for {@code partition}, in
     * one write, only if the tally is still at {@code expectedVersion}. False if it was not.
     */
    boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion);

    /**
     * Records per voter that the counts include this ballot, unless they include a later one. One
     * write per voter, sent together; not atomic as a whole (a stop may leave some of them undone).
     */
    void markCounted(String pollId, Map<String, CountedBallot> ballots);

    default void markCounted(String pollId, String voterKey, CountedBallot ballot) {
        markCounted(pollId, Map.of(voterKey, ballot));
    }

    record TallyState(Counts counts, java.util.Map<Integer, Long> offsets, long version) {

        public static TallyState empty() {
            return new TallyState(Counts.EMPTY, java.util.Map.of(), 0);
        }

        public long offset(int partition) {
            return offsets.getOrDefault(partition, -1L);
        }
    }
}
