package org.newsroom.voting.tally;

import java.util.List;

import org.newsroom.voting.poll.PollTopic;

/** A tally as readers see it; items in ballot order, weighted as a number. */
public record TallyView(String pollId, String status, long ballots, List<Item> items) {

    public record Item(String topicId, String title, long votes, double weighted) {
    }

    public static TallyView of(String pollId, String status, List<PollTopic> topics, Counts counts) {
        return new TallyView(pollId, status, counts.ballots(), topics.stream().map(t -> {
            TopicCount c = counts.of(t.topicId());
            return new Item(t.topicId(), t.title(), c.votes(), c.weighted() / 1000.0);
        }).toList());
    }
}
