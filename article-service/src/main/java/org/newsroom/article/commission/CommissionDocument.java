package org.newsroom.article.commission;

import java.time.Instant;

import org.newsroom.article.commission.domain.Commission;
import org.newsroom.article.commission.domain.CommissionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A commission in the {@code commissions} collection; its id is derived from the poll's id. */
@Document(CommissionDocument.COLLECTION)
public record CommissionDocument(@Id String id, String pollId, String topicId, String title, double voteShare,
                                 CommissionStatus status, String writer, String articleId, String slug,
                                 Instant createdAt, Instant assignedAt, Instant deliveredAt, long version) {

    public static final String COLLECTION = "commissions";

    static CommissionDocument of(Commission c) {
        return new CommissionDocument(c.id(), c.pollId(), c.topicId(), c.title(), c.voteShare(), c.status(), c.writer(),
                c.articleId(), c.slug(), c.createdAt(), c.assignedAt(), c.deliveredAt(), c.version());
    }

    Commission toCommission() {
        return new Commission(id, pollId, topicId, title, voteShare, status, writer, articleId, slug, createdAt,
                assignedAt, deliveredAt, version);
    }
}
