package org.newsroom.voting.poll;

import java.time.Instant;
import java.util.List;

/**
 * The poll events on {@code newsroom.voting.v1}. Their {@code version} counts every event about the
 * poll: PollOpened is 1, the ballot at log sequence n is 1 + n, PollClosed is 2 + the log's length.
 */
public final class PollEvents {

    public static final String OPENED = "org.newsroom.voting.poll-opened.v1";
    public static final String CLOSED = "org.newsroom.voting.poll-closed.v1";

    private PollEvents() {
    }

    public record Opened(String pollId, String title, List<PollTopic> topics, String rule, int maxChoices,
            String weighting, String resultsVisibility, List<String> eligibleTiers, Instant opensAt, Instant closesAt,
            long version) {
    }

    public record Closed(String pollId, String title, Instant closedAt, long ballots, List<Result> results,
            Selected selected, String tieBreak, long version) {
    }

    public record Result(String topicId, String title, long votes, double weighted) {
    }

    public record Selected(String topicId, String title, double voteShare) {
    }
}
