package org.newsroom.voting.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies accepted ballots to a poll's tally exactly once, whatever Kafka redelivers, whatever the
 * outbox publishes twice and wherever the process stops. Ballots come in batches (one Kafka poll).
 *
 * <p>A batch is applied per poll and partition, in offset order, with three writes at most: read the
 * voters' markers (one {@code $in} on the ids) and the tally; fold every ballot in memory exactly as
 * if they were applied one after the other; write the counts together with the offset of the last
 * ballot that changed them, fenced by the tally's version (one single-document write); then write the
 * voters' markers. Per ballot, in offset order:
 * <ul>
 * <li>a ballot whose sequence is not newer than the voter's counted one (marker, or an earlier ballot
 * of the same batch) changes nothing: a second publication of the same ballot, or an older ballot
 * published after a newer one. The last ballot in the log is the one that counts;</li>
 * <li>a ballot at or below the partition offset that the tally already includes is not counted
 * again: its count is in the tally, only its marker may be missing, so the marker is completed;</li>
 * <li>any other ballot replaces the voter's counted ballot in the counts.</li>
 * </ul>
 *
 * <p>Why this is exactly once, under redelivery of a whole or a partial batch and a stop between any
 * two writes. (1) The counts and the fence change in one atomic write, so the counts include a ballot
 * if and only if its offset is at or below the fence: a redelivered ballot is never counted twice,
 * and a ballot is only skipped by the fence if the write that counted it succeeded. (2) Kafka's
 * committed offset only moves past a ballot once the batch's writes, markers included, are done (the
 * whole batch returned, or the consumer reported the first index it did not finish, and everything
 * before that index is done). So the markers can only lag for ballots between the committed offset and
 * the fence, and all of those are delivered again, in order, before any ballot above the fence:
 * replaying them rebuilds in memory exactly the voter markers the counting write saw, whatever the
 * new batch boundaries, and the ballots above the fence are then folded as the first time. (3) Markers
 * only move forward ({@code $max} on a string ordered by sequence), so a marker written twice, late,
 * or partly (the marker write covers many documents and is not atomic) is harmless. (4) Reading a
 * stale tally (another instance during a rebalance, or this applier's memory) cannot count twice: the
 * version check refuses the write, the applier forgets what it remembered and the batch is retried.
 *
 * <p>The applier remembers each poll's tally as it last wrote or read it, to save a read per batch.
 */
public final class TallyApplier {

    public enum Outcome { COUNTED, ALREADY_COUNTED, SUPERSEDED }

    /** An accepted ballot as the tally topic delivers it. */
    public record Ballot(String pollId, String voterKey, long sequence, List<String> choices, long weight,
            int partition, long offset) {
    }

    /** The tally changed under the applier (another instance during a rebalance): retry the batch. */
    public static final class Contended extends RuntimeException {
        Contended(String pollId) {
            super("the tally of poll " + pollId + " changed concurrently");
        }
    }

    /**
     * A batch was not applied completely: every ballot before {@link #index()} is applied and marked;
     * from {@code index} on, some may not be. Applying them again is safe.
     */
    public static final class Incomplete extends RuntimeException {
        private final int index;

        Incomplete(int index, RuntimeException cause) {
            super("ballots from index " + index + " of the batch are not applied: " + cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
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
            return apply(List.of(new Ballot(pollId, voterKey, sequence, choices, weight, partition, offset))).get(0);
        } catch (Incomplete e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /**
     * Applies a batch (ballots of one partition in offset order; several partitions may be mixed) and
     * returns each ballot's outcome, in the batch's order.
     *
     * @throws Incomplete if a write failed; every ballot before its index is applied
     */
    public List<Outcome> apply(List<Ballot> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        // groups in the order of their first ballot: a failing group's first index bounds what is done
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Ballot b = batch.get(i);
            groups.computeIfAbsent(b.partition() + "/" + b.pollId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            String pollId = batch.get(group.get(0)).pollId();
            try {
                applyGroup(batch, group, outcomes);
            } catch (RuntimeException e) {
                known.remove(pollId);
                throw new Incomplete(group.get(0), e);
            }
        }
        return Arrays.asList(outcomes);
    }

    private void applyGroup(List<Ballot> batch, List<Integer> group, Outcome[] outcomes) {
        Ballot first = batch.get(group.get(0));
        String pollId = first.pollId();
        int partition = first.partition();
        Set<String> voters = new LinkedHashSet<>();
        group.forEach(i -> voters.add(batch.get(i).voterKey()));
        Map<String, CountedBallot> counted = new HashMap<>(store.counted(pollId, voters));
        TallyStore.TallyState tally = known.get(pollId);
        if (tally == null || tally.offset(partition) >= first.offset()) {
            tally = store.tally(pollId); // a fresh read before concluding anything from the fence
        }
        long fence = tally.offset(partition);
        Counts delta = Counts.EMPTY;
        long last = -1;
        Map<String, CountedBallot> marks = new HashMap<>();
        for (int i : group) {
            Ballot b = batch.get(i);
            CountedBallot ballot = new CountedBallot(b.sequence(), b.choices(), b.weight());
            CountedBallot previous = counted.get(b.voterKey());
            if (previous != null && previous.sequence() >= b.sequence()) {
                outcomes[i] = previous.sequence() == b.sequence() ? Outcome.ALREADY_COUNTED : Outcome.SUPERSEDED;
                continue;
            }
            counted.put(b.voterKey(), ballot);
            marks.put(b.voterKey(), ballot);
            if (b.offset() <= fence) {
                outcomes[i] = Outcome.ALREADY_COUNTED; // in the counts already; only the marker may be missing
                continue;
            }
            delta = delta.plus(Counts.delta(previous, ballot));
            last = b.offset();
            outcomes[i] = Outcome.COUNTED;
        }
        if (last >= 0) {
            known.remove(pollId);
            if (!store.apply(pollId, partition, last, delta, tally.version())) {
                throw new Contended(pollId);
            }
            Map<Integer, Long> offsets = new HashMap<>(tally.offsets());
            offsets.put(partition, last);
            tally = new TallyStore.TallyState(tally.counts().plus(delta), offsets, tally.version() + 1);
        }
        known.put(pollId, tally);
        store.markCounted(pollId, marks);
    }
}
