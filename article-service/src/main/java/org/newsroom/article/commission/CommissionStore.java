package org.newsroom.article.commission;

import java.time.Instant;

import org.newsroom.article.commission.domain.Commission;
import org.newsroom.article.commission.domain.CommissionStatus;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.article.content.Cursor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Commissions in MongoDB; each change is one single-document write. */
@Component
public class CommissionStore {

    private final ReactiveMongoTemplate mongo;

    public CommissionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the commission unless its poll has one already; true if it was created now. */
    Mono<Boolean> createOnce(Commission commission) {
        return mongo.insert(CommissionDocument.of(commission))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    Mono<Commission> findById(String id) {
        return mongo.findById(id, CommissionDocument.class).map(CommissionDocument::toCommission);
    }

    /** Writes the change if the commission is still at {@code previous}'s version. */
    Mono<Commission> update(Commission previous, Commission next) {
        Query fence = Query.query(Criteria.where("_id").is(previous.id()).and("version").is(previous.version()));
        return mongo.findAndReplace(fence, CommissionDocument.of(next))
                .map(replaced -> next);
    }

    Flux<Commission> list(CommissionStatus status, Cursor after, int limit) {
        Query q = ArticleStore.page(status == null ? null : Criteria.where("status").is(status), "createdAt", after,
                limit);
        return mongo.find(q, CommissionDocument.class).map(CommissionDocument::toCommission);
    }

    Flux<Commission> undelivered() {
        return mongo.find(Query.query(Criteria.where("status").ne(CommissionStatus.DELIVERED)), CommissionDocument.class)
                .map(CommissionDocument::toCommission);
    }

    /**
     * Marks every open or assigned commission for {@code topicId} delivered by the given article.
     * Repeating it changes nothing.
     */
    public Mono<Long> deliver(String topicId, String articleId, String slug, Instant now) {
        Query q = Query.query(Criteria.where("topicId").is(topicId).and("status").ne(CommissionStatus.DELIVERED));
        Update u = new Update().set("status", CommissionStatus.DELIVERED).set("articleId", articleId).set("slug", slug)
                .set("deliveredAt", now).inc("version", 1);
        return mongo.updateMulti(q, u, CommissionDocument.class).map(r -> r.getModifiedCount());
    }
}
