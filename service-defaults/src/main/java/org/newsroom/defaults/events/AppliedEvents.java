package org.newsroom.defaults.events;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Applies an event's change to one document exactly once: the change and the record that this
 * event was applied are one single-document write, so a crash between them cannot happen and a
 * redelivery finds the id and changes nothing. The document remembers its last
 * {@value #REMEMBERED} event ids, far more than Kafka ever redelivers.
 */
public class AppliedEvents {

    static final String FIELD = "appliedEvents";
    static final int REMEMBERED = 200;

    private final ReactiveMongoTemplate mongo;

    public AppliedEvents(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @return {@code true} if the change was applied now, {@code false} if this event had been
     *         applied before
     */
    public Mono<Boolean> applyOnce(String collection, Object id, String eventId, Update update) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(id).and(FIELD).ne(eventId));
        update.push(FIELD).slice(-REMEMBERED).each(eventId);
        // When the document holds the id already, the query matches nothing and the upsert tries to
        // insert a second document with the same _id: the unique _id refuses it.
        return mongo.upsert(notYetApplied, update, collection)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }
}
