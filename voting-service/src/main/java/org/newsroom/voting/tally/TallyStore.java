package org.newsroom.voting.tally;

/**
 * Where the tally consumer keeps its state. Every write is one document: the counts together with
 * the partition offsets they include, and per voter the ballot the counts include.
 */
public interface TallyStore {

    /** The counts of a poll and the highest offset applied per partition; an empty tally if none yet. */
    TallyState tally(String pollId);

    /** The ballot of a voter that the counts include, or null. */
    CountedBallot counted(String pollId, String voterKey);

    /**
     * Adds {@code delta} to the counts and records {@code offset} as applied for {@code partition}, in
     * one write, only if the tally is still at {@code expectedVersion}. False if it was not.
     */
    boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion);

    /** Records that the counts include {@code ballot} for this voter, unless they include a later one. */
    void markCounted(String pollId, String voterKey, CountedBallot ballot);

    record TallyState(Counts counts, java.util.Map<Integer, Long> offsets, long version) {

        public static TallyState empty() {
            return new TallyState(Counts.EMPTY, java.util.Map.of(), 0);
        }

        public long offset(int partition) {
            return offsets.getOrDefault(partition, -1L);
        }
    }
}
