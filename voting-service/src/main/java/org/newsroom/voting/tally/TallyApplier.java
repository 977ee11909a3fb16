package org.newsroom.voting.tally;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <p>The applier remembers each poll's tally as it last wrote or read it, so a record costs three
 * writes and reads (the voter's marker, the counts, the marker again) rather than four. What it
 * remembers can only be stale when another instance changed the tally: then the version check
 * refuses the write, the applier forgets, and the record is retried against a fresh read.
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
    private final Map<String, TallyStore.TallyState> known = new ConcurrentHashMap<>();

    public TallyApplier(TallyStore store) {
        this.store = store;
    }

    public Outcome apply(String pollId, String voterKey, long sequence, List<String> choices, long weight,
            int partition, long offset) {
        try {
            return applyOnce(pollId, voterKey, sequence, choices, weight, partition, offset);
        } catch (RuntimeException e) {
            known.remove(pollId);
            throw e;
        }
    }

    private Outcome applyOnce(String pollId, String voterKey, long sequence, List<String> choices, long weight,
            int partition, long offset) {
        CountedBallot ballot = new CountedBallot(sequence, choices, weight);
        CountedBallot counted = store.counted(pollId, voterKey);
        if (counted != null && counted.sequence() >= sequence) {
            return counted.sequence() == sequence ? Outcome.ALREADY_COUNTED : Outcome.SUPERSEDED;
        }
        TallyStore.TallyState tally = known.get(pollId);
        if (tally == null || tally.offset(partition) >= offset) {
            tally = store.tally(pollId); // a fresh read before concluding anything from the fence
        }
        if (tally.offset(partition) >= offset) {
            known.put(pollId, tally);
            store.markCounted(pollId, voterKey, ballot);
            return Outcome.ALREADY_COUNTED;
        }
        Counts delta = Counts.delta(counted, ballot);
        known.remove(pollId);
        if (!store.apply(pollId, partition, offset, delta, tally.version())) {
            throw new Contended(pollId);
        }
        Map<Integer, Long> offsets = new HashMap<>(tally.offsets());
        offsets.put(partition, offset);
        known.put(pollId, new TallyStore.TallyState(tally.counts().plus(delta), offsets, tally.version() + 1));
        store.markCounted(pollId, voterKey, ballot);
        return Outcome.COUNTED;
    }
}
