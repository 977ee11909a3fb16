package org.newsroom.voting.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.newsroom.voting.poll.PollTopic;

/**
 * The result of a poll, and the stated rule that picks the selected topic: the most weighted votes
 * win; on a tie, the most ballots; if still tied, the topic placed earlier on the ballot (the order
 * the editor chose). With no ballot at all, nothing is selected.
 */
public record PollResult(long ballots, List<Line> lines, Line selected, double voteShare, String tieBreak) {

    public static final String BY_BALLOTS = "Tied on weighted votes; the topic with more ballots was selected.";
    public static final String BY_BALLOT_ORDER =
            "Tied on weighted votes and ballots; the topic placed earlier on the ballot was selected.";

    /** A topic's line, in ballot order position {@code position}; weighted in thousandths. */
    public record Line(String topicId, String title, int position, long votes, long weighted) {
    }

    public static PollResult of(List<PollTopic> topics, Counts counts) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            PollTopic t = topics.get(i);
            TopicCount c = counts.of(t.topicId());
            lines.add(new Line(t.topicId(), t.title(), i, c.votes(), c.weighted()));
        }
        lines.sort(Comparator.comparingLong(Line::weighted).reversed()
                .thenComparing(Comparator.comparingLong(Line::votes).reversed())
                .thenComparingInt(Line::position));
        if (counts.ballots() == 0 || lines.isEmpty()) {
            return new PollResult(counts.ballots(), List.copyOf(lines), null, 0, null);
        }
        Line first = lines.get(0);
        String tieBreak = null;
        if (lines.size() > 1 && lines.get(1).weighted() == first.weighted()) {
            tieBreak = lines.get(1).votes() == first.votes() ? BY_BALLOT_ORDER : BY_BALLOTS;
        }
        long totalWeighted = lines.stream().mapToLong(Line::weighted).sum();
        double share = totalWeighted == 0 ? 0 : Math.round(first.weighted() * 10000.0 / totalWeighted) / 10000.0;
        return new PollResult(counts.ballots(), List.copyOf(lines), first, share, tieBreak);
    }
}
