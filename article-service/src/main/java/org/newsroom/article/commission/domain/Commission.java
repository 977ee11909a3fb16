package org.newsroom.article.commission.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An assignment made from a topic that patrons voted for. One per closed poll: its id is derived from
 * the poll id, so a redelivered result cannot make a second one.
 */
public record Commission(String id, String pollId, String topicId, String title, double voteShare,
                         CommissionStatus status, String writer, String articleId, String slug, Instant createdAt,
                         Instant assignedAt, Instant deliveredAt, long version) {

    public static final int MAX_WRITER = 100;

    public Commission {
        Objects.requireNonNull(id);
        Objects.requireNonNull(pollId);
        Objects.requireNonNull(topicId);
        Objects.requireNonNull(status);
    }

    public static String idForPoll(String pollId) {
        return UUID.nameUUIDFromBytes(("commission:" + pollId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Commission open(String pollId, String topicId, String title, double voteShare, Instant now) {
        return new Commission(idForPoll(pollId), pollId, topicId, title, voteShare, CommissionStatus.OPEN, null, null,
                null, now, null, null, 1);
    }

    /** Assigns (or reassigns) a writer; a delivered commission is done and keeps its writer. */
    public Commission assign(String writerName, Instant now) {
        if (status == CommissionStatus.DELIVERED) {
            throw new IllegalStateException("the commission is already delivered");
        }
        return new Commission(id, pollId, topicId, title, voteShare, CommissionStatus.ASSIGNED, writerName, null,
                null, createdAt, now, null, version + 1);
    }

    /** Marks the commission delivered by a published article. */
    public Commission deliver(String deliveredArticleId, String deliveredSlug, Instant now) {
        return new Commission(id, pollId, topicId, title, voteShare, CommissionStatus.DELIVERED, writer,
                deliveredArticleId, deliveredSlug, createdAt, assignedAt, now, version + 1);
    }
}
