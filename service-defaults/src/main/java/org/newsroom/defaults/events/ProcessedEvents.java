package org.newsroom.defaults.events;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The ids of the events each consumer has applied, so a redelivered event is skipped. */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Boolean> isApplied(String consumer, String eventId) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key(consumer, eventId))),
                COLLECTION);
    }

    public Mono<Void> record(String consumer, String eventId) {
        Document entry = new Document("_id", key(consumer, eventId))
                .append("consumer", consumer)
                .append("appliedAt", Date.from(clock.instant()));
        return mongo.insert(entry, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
