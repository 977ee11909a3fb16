package org.newsroom.voting.poll;

import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class PollStore {

    public static final String COLLECTION = "polls";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public PollStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<PollDocument> find(String id) {
        return mongo.findById(id, PollDocument.class, COLLECTION);
    }

    public Flux<PollDocument> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")), PollDocument.class, COLLECTION);
    }

    public Flux<PollDocument> withStatus(PollStatus... statuses) {
        List<String> names = java.util.Arrays.stream(statuses).map(Enum::name).toList();
        return mongo.find(Query.query(Criteria.where("status").in(names)), PollDocument.class, COLLECTION);
    }

    public Flux<PollDocument> closedUnsettled() {
        return mongo.find(Query.query(Criteria.where("status").is(PollStatus.CLOSED.name()).and("topicsSettled")
                .is(false)), PollDocument.class, COLLECTION);
    }

    public Mono<Void> insert(PollDocument d) {
        return mongo.insert(d, COLLECTION).then(relay.publish(COLLECTION, d.id()));
    }

    /** Moves the poll to {@code next} if it is still at the version it came from; false if it moved on. */
    public Mono<Boolean> transition(Poll next, PollDocument.FinalResult result, List<OutboxEvent> events) {
        Query q = Query.query(Criteria.where("_id").is(next.id()).and("version").is(next.version() - 1));
        Update u = new Update().set("status", next.status().name()).set("closesAt", next.closesAt())
                .set("closedAt", next.closedAt()).set("version", next.version());
        if (result != null) {
            u.set("result", result);
        }
        if (!events.isEmpty()) {
            u.push("outbox").each(events.toArray());
        }
        return mongo.updateFirst(q, u, COLLECTION).flatMap(r -> r.getModifiedCount() == 0 ? Mono.just(false)
                : relay.publish(COLLECTION, next.id()).thenReturn(true));
    }

    public Mono<Void> markSettled(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("topicsSettled", true),
                COLLECTION).then();
    }
}
