package org.newsroom.voting.topic;

import java.time.Instant;
import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a topic is stored: the domain state and the events waiting to be published. */
@Document("topics")
public record TopicDocument(@Id String id, String title, String description, String status, String proposedBy,
        Instant proposedAt, String declineReason, String mergedInto, String pollId, String articleId, long version,
        List<OutboxEvent> outbox) {

    public static TopicDocument of(Topic t, List<OutboxEvent> events) {
        return new TopicDocument(t.id(), t.title(), t.description(), t.status().name(), t.proposedBy(),
                t.proposedAt(), t.declineReason(), t.mergedInto(), t.pollId(), t.articleId(), t.version(),
                List.copyOf(events));
    }

    static TopicDocument of(Topic t) {
        return of(t, List.of());
    }

    Topic toTopic() {
        return new Topic(id, title, description, TopicStatus.valueOf(status), proposedBy, proposedAt, declineReason,
                mergedInto, pollId, articleId, version);
    }
}
