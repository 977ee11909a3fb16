package org.newsroom.voting.tally;

/** Ballots naming a topic, and their weights summed in thousandths. */
public record TopicCount(long votes, long weighted) {

    public static final TopicCount ZERO = new TopicCount(0, 0);

    public TopicCount plus(long dVotes, long dWeighted) {
        return new TopicCount(votes + dVotes, weighted + dWeighted);
    }
}
