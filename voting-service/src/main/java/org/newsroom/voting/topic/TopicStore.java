package org.newsroom.voting.topic;

import java.time.Instant;
import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.newsroom.voting.common.RuleViolation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes topics. A change and its events are one single-document write, fenced by the
 * version the change was made from; the relay publishes the events right after.
 */
@Component
public class TopicStore {

    public static final String COLLECTION = "topics";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public TopicStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<Topic> find(String id) {
        return mongo.findById(id, TopicDocument.class, COLLECTION).map(TopicDocument::toTopic);
    }

    public Flux<Topic> findAll(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), TopicDocument.class, COLLECTION)
                .map(TopicDocument::toTopic);
    }

    /** Newest first; {@code before} is the id of the last topic of the previous page. */
    public Flux<Topic> list(TopicStatus status, String before, int limit) {
        Criteria c = new Criteria();
        if (status != null) {
            c = c.and("status").is(status.name());
        }
        if (before != null) {
            c = c.and("_id").lt(before);
        }
        Query q = Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(q, TopicDocument.class, COLLECTION).map(TopicDocument::toTopic);
    }

    public Mono<Long> countProposedSince(String memberId, Instant since) {
        return mongo.count(Query.query(Criteria.where("proposedBy").is(memberId).and("proposedAt").gte(since)),
                COLLECTION);
    }

    public Mono<Topic> insert(Topic topic, List<OutboxEvent> events) {
        return mongo.insert(TopicDocument.of(topic, events), COLLECTION)
                .then(relay.publish(COLLECTION, topic.id()))
                .thenReturn(topic);
    }

    /** Writes {@code next} if the stored topic is still at the version it was made from. */
    public Mono<Topic> update(Topic next, List<OutboxEvent> events) {
        return tryUpdate(next, events).flatMap(updated -> updated ? Mono.just(next)
                : Mono.error(RuleViolation.conflict("concurrent-change",
                        "the topic changed meanwhile; read it again and retry")));
    }

    /** Like {@link #update} but answers false instead of failing when the topic moved on. */
    public Mono<Boolean> tryUpdate(Topic next, List<OutboxEvent> events) {
        Query q = Query.query(Criteria.where("_id").is(next.id()).and("version").is(next.version() - 1));
        Update u = new Update().set("status", next.status().name()).set("declineReason", next.declineReason())
                .set("mergedInto", next.mergedInto()).set("pollId", next.pollId())
                .set("articleId", next.articleId()).set("version", next.version());
        if (!events.isEmpty()) {
            u.push("outbox").each(events.toArray());
        }
        return mongo.updateFirst(q, u, COLLECTION).flatMap(r -> {
            if (r.getModifiedCount() == 0) {
                return Mono.just(false);
            }
            return events.isEmpty() ? Mono.just(true) : relay.publish(COLLECTION, next.id()).thenReturn(true);
        });
    }
}
