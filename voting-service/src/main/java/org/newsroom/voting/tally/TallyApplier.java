package org.newsroom.voting.tally;

import java.util.List;

/**
 * Applies accepted ballots to a poll's tally exactly once, whatever Kafka redelivers, whatever the
 * outbox publishes twice and wherever the process stops.
 *
 * <ul>
 * <li>A record whose offset the tally already includes is not counted again (the counts and the
 * offset change in one write); the voter's marker is completed instead, since the process may have
 * stopped between the two writes.</li>
 * <li>An event whose sequence is not newer than the voter's counted ballot changes nothing: a second
 * publication of the same ballot, or an older ballot published after a newer one. The last ballot
 * in the log is the one that counts.</li>
 * </ul>
 */
public final class TallyApplier {

    public enum Outcome { COUNTED, ALREADY_COUNTED, SUPERSEDED }

    /** The tally changed under the applier (another instance during a rebalance): retry the record. */
    public static final class Contended extends RuntimeException {
        Contended(String pollId) {
            super("the tally of poll " + pollId + " changed concurrently");
        }
    }

    private final TallyStore store;

    public TallyApplier(TallyStore store) {
        this.store = store;
    }

    public Outcome apply(String pollId, String voterKey, long sequence, List<String> choices, long weight,
            int partition, long offset) {
        CountedBallot ballot = new CountedBallot(sequence, choices, weight);
        CountedBallot counted = store.counted(pollId, voterKey);
        if (counted != null && counted.sequence() >= sequence) {
            return counted.sequence() == sequence ? Outcome.ALREADY_COUNTED : Outcome.SUPERSEDED;
        }
        TallyStore.TallyState tally = store.tally(pollId);
        if (tally.offset(partition) >= offset) {
            store.markCounted(pollId, voterKey, ballot);
            return Outcome.ALREADY_COUNTED;
        }
        if (!store.apply(pollId, partition, offset, Counts.delta(counted, ballot), tally.version())) {
            throw new Contended(pollId);
        }
        store.markCounted(pollId, voterKey, ballot);
        return Outcome.COUNTED;
    }
}
