package org.newsroom.voting.poll;

import java.time.Instant;
import java.util.List;

/** A poll as the API shows it: the request's fields plus id and status. */
public record PollView(String id, String title, List<TopicRef> topics, List<String> topicIds, Instant opensAt,
        Instant closesAt, String rule, int maxChoices, String weighting, String resultsVisibility,
        List<String> eligibleTiers, String status, Instant closedAt, Selected selected) {

    public record TopicRef(String topicId, String title) {
    }

    public record Selected(String topicId, String title, double voteShare, String tieBreak) {
    }

    static PollView of(PollDocument d, PollStatus status) {
        Selected selected = null;
        if (d.result() != null && d.result().selectedTopicId() != null) {
            String title = d.topics().stream().filter(t -> t.topicId().equals(d.result().selectedTopicId()))
                    .map(PollTopic::title).findFirst().orElse("");
            selected = new Selected(d.result().selectedTopicId(), title, d.result().voteShare(), d.result().tieBreak());
        }
        return new PollView(d.id(), d.title(), d.topics().stream().map(t -> new TopicRef(t.topicId(), t.title())).toList(),
                d.topics().stream().map(PollTopic::topicId).toList(), d.opensAt(), d.closesAt(), d.rule(),
                d.maxChoices(), d.weighting(), d.resultsVisibility(), d.eligibleTiers(), status.name(), d.closedAt(),
                selected);
    }
}
