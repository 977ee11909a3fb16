package org.newsroom.voting.tally;

import java.util.HashMap;
import java.util.Map;

/** Counted ballots and per-topic counts; equal values mean equal tallies. */
public record Counts(long ballots, Map<String, TopicCount> topics) {

    public static final Counts EMPTY = new Counts(0, Map.of());

    public Counts {
        Map<String, TopicCount> copy = new HashMap<>();
        topics.forEach((k, v) -> {
            if (v.votes() != 0 || v.weighted() != 0) {
                copy.put(k, v);
            }
        });
        topics = Map.copyOf(copy);
    }

    public TopicCount of(String topicId) {
        return topics.getOrDefault(topicId, TopicCount.ZERO);
    }

    /** The change that replacing {@code previous} (or nothing) with {@code next} makes. */
    public static Counts delta(CountedBallot previous, CountedBallot next) {
        Map<String, TopicCount> d = new HashMap<>();
        if (previous != null) {
            previous.choices().forEach(c -> d.merge(c, new TopicCount(-1, -previous.weight()), Counts::sum));
        }
        next.choices().forEach(c -> d.merge(c, new TopicCount(1, next.weight()), Counts::sum));
        return new Counts(previous == null ? 1 : 0, d);
    }

    public Counts plus(Counts other) {
        Map<String, TopicCount> sum = new HashMap<>(topics);
        other.topics.forEach((k, v) -> sum.merge(k, v, Counts::sum));
        return new Counts(ballots + other.ballots, sum);
    }

    private static TopicCount sum(TopicCount a, TopicCount b) {
        return new TopicCount(a.votes() + b.votes(), a.weighted() + b.weighted());
    }
}
