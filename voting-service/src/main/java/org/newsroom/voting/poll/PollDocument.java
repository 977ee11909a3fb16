package org.newsroom.voting.poll;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a poll is stored: its definition and state, the final result once closed, a hint of where its
 * ballot log ends, whether its topics were settled after the close, and events waiting to be published.
 */
@Document("polls")
public record PollDocument(@Id String id, String title, List<PollTopic> topics, Instant opensAt, Instant closesAt,
        String rule, int maxChoices, String weighting, String resultsVisibility, List<String> eligibleTiers,
        String status, String createdBy, Instant closedAt, long version, FinalResult result, boolean topicsSettled,
        List<OutboxEvent> outbox) {

    /** The result frozen at the close; weights in thousandths. */
    public record FinalResult(long ballots, List<Line> lines, String selectedTopicId, double voteShare,
            String tieBreak, long logEntries) {
    }

    public record Line(String topicId, String title, long votes, long weighted) {
    }

    public static PollDocument of(Poll p, List<OutboxEvent> events) {
        return new PollDocument(p.id(), p.title(), p.topics(), p.opensAt(), p.closesAt(), p.rule().name(),
                p.maxChoices(), p.weighting().name(), p.resultsVisibility().name(), List.copyOf(p.eligibleTiers()),
                p.status().name(), p.createdBy(), p.closedAt(), p.version(), null, false, List.copyOf(events));
    }

    public Poll toPoll() {
        return new Poll(id, title, topics, opensAt, closesAt, VotingRule.valueOf(rule), maxChoices,
                Weighting.valueOf(weighting), ResultsVisibility.valueOf(resultsVisibility), Set.copyOf(eligibleTiers),
                PollStatus.valueOf(status), createdBy, closedAt, version);
    }
}
