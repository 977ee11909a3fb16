package org.newsroom.voting.topic;

import java.time.Instant;

/** The topic events on {@code newsroom.voting.v1}, as their schemas in contracts define them. */
public final class TopicEvents {

    public static final String PROPOSED = "org.newsroom.voting.topic-proposed.v1";
    public static final String APPROVED = "org.newsroom.voting.topic-approved.v1";
    public static final String DECLINED = "org.newsroom.voting.topic-declined.v1";
    public static final String MERGED = "org.newsroom.voting.topic-merged.v1";
    public static final String COVERED = "org.newsroom.voting.topic-covered.v1";

    private TopicEvents() {
    }

    public record Proposed(String topicId, String title, String description, Instant proposedAt, long version) {
    }

    public record Approved(String topicId, String title, Instant approvedAt, long version) {
    }

    public record Declined(String topicId, String title, String reason, Instant declinedAt, long version) {
    }

    public record Merged(String topicId, String mergedInto, Instant mergedAt, long version) {
    }

    public record Covered(String topicId, String articleId, String slug, Instant coveredAt, long version) {
    }
}
