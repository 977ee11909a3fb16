package org.newsroom.voting.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.newsroom.voting.ballot.BallotChain;
import org.newsroom.voting.ballot.LogEntry;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * For random sequences of ballots and replacements, published out of order and more than once,
 * redelivered, and applied by a consumer that is restarted and crashes between its writes: the tally
 * equals the recount of the ballot log, and both equal a simple count of each voter's last ballot.
 */
class TallyPropertiesTest {

    static final List<String> TOPICS = List.of("t1", "t2", "t3", "t4");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    record Cast(int voter, List<String> choices, long weight) {
    }

    @Provide
    Arbitrary<Cast> casts() {
        return Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.of(TOPICS).list().uniqueElements().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(1000L, 1500L, 2000L, 3000L)).as(Cast::new);
    }

    @Property(tries = 400)
    void theTallyEqualsTheRecountAndAReferenceCount(@ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("casts") Cast> casts,
            @ForAll Random chaos) {
        // the ballot log, as the service appends it
        List<LogEntry> log = new ArrayList<>();
        String prev = BallotChain.GENESIS;
        for (int i = 0; i < casts.size(); i++) {
            Cast c = casts.get(i);
            LogEntry e = BallotChain.append(prev, "p1", i + 1, "voter-" + c.voter(), c.choices(), c.weight(),
                    T0.plusSeconds(i));
            log.add(e);
            prev = e.entryHash();
        }
        // what the outbox relay puts on the topic: sometimes late (after later entries), sometimes twice
        List<LogEntry> topic = new ArrayList<>(log);
        for (int i = 0; i < topic.size() - 1; i++) {
            if (chaos.nextInt(5) == 0) {
                LogEntry late = topic.remove(i);
                topic.add(Math.min(topic.size(), i + 1 + chaos.nextInt(3)), late);
            }
        }
        for (int i = topic.size() - 1; i >= 0; i--) {
            if (chaos.nextInt(6) == 0) {
                topic.add(Math.min(topic.size(), i + 1 + chaos.nextInt(4)), topic.get(i));
            }
        }

        MemoryTallyStore durable = new MemoryTallyStore();
        CrashingStore store = new CrashingStore(durable, chaos);
        long committed = 0;
        int restarts = 0;
        while (committed < topic.size()) {
            TallyApplier consumer = new TallyApplier(store); // a fresh consumer after every restart
            long position = committed;
            try {
                while (position < topic.size()) {
                    LogEntry e = topic.get((int) position);
                    consumer.apply(e.pollId(), e.voterKey(), e.sequence(), e.choices(), e.weight(), 0, position);
                    position++;
                    if (chaos.nextInt(8) != 0) { // a lost commit means the records are delivered again
                        committed = position;
                    }
                    if (restarts < 30 && chaos.nextInt(12) == 0) {
                        throw new Crash();
                    }
                }
                committed = position;
            } catch (Crash crash) {
                restarts++;
                if (restarts > 30) {
                    store.disarm();
                }
            }
        }

        Counts tally = durable.tally("p1").counts();
        Recount recount = new Recount();
        log.forEach(recount::add);
        assertThat(tally).isEqualTo(recount.counts());
        assertThat(tally).isEqualTo(reference(casts));
    }

    /** Each voter's last ballot, counted in the most obvious way. */
    static Counts reference(List<Cast> casts) {
        Map<Integer, Cast> last = new HashMap<>();
        casts.forEach(c -> last.put(c.voter(), c));
        Map<String, TopicCount> topics = new HashMap<>();
        for (Cast c : last.values()) {
            for (String t : c.choices()) {
                topics.merge(t, new TopicCount(1, c.weight()), (a, b) -> a.plus(b.votes(), b.weighted()));
            }
        }
        return new Counts(last.size(), topics);
    }

    static final class Crash extends RuntimeException {
    }

    /** Stops the process before or after a write, at random. */
    static final class CrashingStore implements TallyStore {
        private final TallyStore inner;
        private final Random chaos;
        private boolean armed = true;

        CrashingStore(TallyStore inner, Random chaos) {
            this.inner = inner;
            this.chaos = chaos;
        }

        void disarm() {
            armed = false;
        }

        private void maybeCrash() {
            if (armed && chaos.nextInt(10) == 0) {
                throw new Crash();
            }
        }

        @Override
        public TallyState tally(String pollId) {
            return inner.tally(pollId);
        }

        @Override
        public CountedBallot counted(String pollId, String voterKey) {
            return inner.counted(pollId, voterKey);
        }

        @Override
        public boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion) {
            maybeCrash();
            boolean applied = inner.apply(pollId, partition, offset, delta, expectedVersion);
            maybeCrash();
            return applied;
        }

        @Override
        public void markCounted(String pollId, String voterKey, CountedBallot ballot) {
            maybeCrash();
            inner.markCounted(pollId, voterKey, ballot);
            maybeCrash();
        }
    }
}
