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
 * equals the recount of the ballot log, and both equal a simple count of each voter's last ballot;
 * whether the consumer applies a record at a time or a Kafka poll at a time.
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

    /**
     * The same with a consumer that applies a Kafka poll at a time: two polls' ballots mixed on one
     * partition, random batch boundaries on every delivery, stops before, between and after the
     * writes (also half-way through the markers' write), writes that fail and are retried from the
     * first ballot they did not finish (everything before it committed, as the container's error
     * handler does), and lost commits.
     */
    @Property(tries = 400)
    void batchedTheTallyEqualsTheRecountAndAReferenceCount(
            @ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("casts") Cast> casts,
            @ForAll @Size(max = 25) List<@net.jqwik.api.From("casts") Cast> otherCasts, @ForAll Random chaos) {
        List<LogEntry> log1 = log("p1", casts);
        List<LogEntry> log2 = log("p2", otherCasts);
        List<LogEntry> topic1 = published(log1, chaos);
        List<LogEntry> topic2 = published(log2, chaos);
        List<LogEntry> topic = new ArrayList<>();
        int a = 0;
        int b = 0;
        while (a < topic1.size() || b < topic2.size()) {
            if (b >= topic2.size() || a < topic1.size() && chaos.nextBoolean()) {
                topic.add(topic1.get(a++));
            } else {
                topic.add(topic2.get(b++));
            }
        }
        List<TallyApplier.Ballot> records = new ArrayList<>();
        for (int i = 0; i < topic.size(); i++) {
            LogEntry e = topic.get(i);
            records.add(new TallyApplier.Ballot(e.pollId(), e.voterKey(), e.sequence(), e.choices(), e.weight(), 0,
                    i));
        }

        MemoryTallyStore durable = new MemoryTallyStore();
        CrashingStore store = new CrashingStore(durable, chaos, true);
        int committed = 0;
        int restarts = 0;
        int failures = 0;
        while (committed < records.size()) {
            TallyApplier consumer = new TallyApplier(store); // a fresh consumer after every restart
            int position = committed;
            try {
                while (position < records.size()) {
                    int end = Math.min(records.size(), position + 1 + chaos.nextInt(8));
                    try {
                        consumer.apply(records.subList(position, end));
                    } catch (TallyApplier.Incomplete e) {
                        if (e.getCause() instanceof Crash crash) {
                            throw crash;
                        }
                        assertThat(e.getCause()).isInstanceOf(Transient.class);
                        // the error handler commits what is before the failed ballot and delivers the rest again
                        position += e.index();
                        if (chaos.nextInt(8) != 0) {
                            committed = position;
                        }
                        if (++failures > 60) {
                            store.disarm();
                        }
                        continue;
                    }
                    position = end;
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

        for (var poll : List.of(Map.entry(log1, casts), Map.entry(log2, otherCasts))) {
            String pollId = poll.getKey().isEmpty() ? "p2" : poll.getKey().get(0).pollId();
            Counts tally = durable.tally(pollId).counts();
            Recount recount = new Recount();
            poll.getKey().forEach(recount::add);
            assertThat(tally).isEqualTo(recount.counts());
            assertThat(tally).isEqualTo(reference(poll.getValue()));
            // and every voter's marker is the voter's last ballot
            Map<String, LogEntry> last = new HashMap<>();
            poll.getKey().forEach(e -> last.put(e.voterKey(), e));
            last.forEach((voter, e) -> assertThat(durable.counted(pollId, voter))
                    .isEqualTo(new CountedBallot(e.sequence(), e.choices(), e.weight())));
        }
    }

    static List<LogEntry> log(String pollId, List<Cast> casts) {
        List<LogEntry> log = new ArrayList<>();
        String prev = BallotChain.GENESIS;
        for (int i = 0; i < casts.size(); i++) {
            Cast c = casts.get(i);
            LogEntry e = BallotChain.append(prev, pollId, i + 1, "voter-" + c.voter(), c.choices(), c.weight(),
                    T0.plusSeconds(i));
            log.add(e);
            prev = e.entryHash();
        }
        return log;
    }

    /** What the outbox relay puts on the topic: sometimes late (after later entries), sometimes twice. */
    static List<LogEntry> published(List<LogEntry> log, Random chaos) {
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
        return topic;
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

    /** A write or read that failed without stopping the process (the database away, a timeout). */
    static final class Transient extends RuntimeException {
    }

    /**
     * Stops the process before or after a write, or in the middle of the markers' write (which
     * covers many documents), at random; with {@code failures} on, also fails reads and writes now and
     * then without stopping the process.
     */
    static final class CrashingStore implements TallyStore {
        private final TallyStore inner;
        private final Random chaos;
        private final boolean failures;
        private boolean armed = true;

        CrashingStore(TallyStore inner, Random chaos) {
            this(inner, chaos, false);
        }

        CrashingStore(TallyStore inner, Random chaos, boolean failures) {
            this.inner = inner;
            this.chaos = chaos;
            this.failures = failures;
        }

        void disarm() {
            armed = false;
        }

        private void maybeCrash() {
            if (armed && chaos.nextInt(10) == 0) {
                throw new Crash();
            }
            if (armed && failures && chaos.nextInt(15) == 0) {
                throw new Transient();
            }
        }

        @Override
        public TallyState tally(String pollId) {
            maybeFail();
            return inner.tally(pollId);
        }

        @Override
        public Map<String, CountedBallot> counted(String pollId, java.util.Collection<String> voterKeys) {
            maybeFail();
            return inner.counted(pollId, voterKeys);
        }

        private void maybeFail() {
            if (armed && failures && chaos.nextInt(20) == 0) {
                throw new Transient();
            }
        }

        @Override
        public boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion) {
            maybeCrash();
            boolean applied = inner.apply(pollId, partition, offset, delta, expectedVersion);
            maybeCrash();
            return applied;
        }

        @Override
        public void markCounted(String pollId, Map<String, CountedBallot> ballots) {
            maybeCrash();
            if (armed && ballots.size() > 1 && chaos.nextInt(8) == 0) {
                // the process stops with only some of the markers written
                Map<String, CountedBallot> some = new HashMap<>();
                ballots.forEach((k, v) -> {
                    if (chaos.nextBoolean()) {
                        some.put(k, v);
                    }
                });
                inner.markCounted(pollId, some);
                throw new Crash();
            }
            inner.markCounted(pollId, ballots);
            maybeCrash();
        }
    }
}
