package org.newsroom.membership.member;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads and writes member documents. A change is computed from the stored document and written
 * only if nobody changed it meanwhile (same {@code version}); otherwise it is computed again. The
 * outbox gets new events appended ({@code $push}), so the relay removing sent ones at the same time
 * loses nothing.
 */
@Component
public class MemberStore {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public MemberStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(MemberDocument.COLLECTION)
                .createIndex(new Index().on("email", Sort.Direction.ASC).unique().named("email_unique"))
                .then();
    }

    public Mono<MemberDocument> findById(String id) {
        return mongo.findById(id, MemberDocument.class);
    }

    public Mono<MemberDocument> findByEmail(String normalisedEmail) {
        return mongo.findOne(Query.query(Criteria.where("email").is(normalisedEmail)), MemberDocument.class);
    }

    public Mono<MemberDocument> findByStripeCustomer(String customerId) {
        return mongo.findOne(Query.query(Criteria.where("stripeCustomerId").is(customerId)), MemberDocument.class);
    }

    public Flux<MemberDocument> find(Query query) {
        return mongo.find(query, MemberDocument.class);
    }

    public <T> Flux<T> aggregate(org.springframework.data.mongodb.core.aggregation.Aggregation aggregation,
            Class<T> type) {
        return mongo.aggregate(aggregation, MemberDocument.COLLECTION, type);
    }

    /** A new member with their first events; a taken email fails with {@code DuplicateKeyException}. */
    public Mono<MemberDocument> insert(MemberDocument member) {
        return mongo.insert(member).flatMap(saved -> relay.publish(MemberDocument.COLLECTION, saved.id()).thenReturn(saved));
    }

    /**
     * Applies {@code change} to the current document. Empty when the member does not exist; the
     * unchanged document when the change is none.
     */
    public Mono<MemberDocument> update(String id, Function<MemberDocument, MemberChange> change) {
        return Mono.defer(() -> findById(id).flatMap(current -> {
            MemberChange result = change.apply(current);
            if (result.isNone()) {
                return Mono.just(current);
            }
            return write(current, result);
        })).retryWhen(Retry.backoff(8, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                .filter(ConcurrentModificationException.class::isInstance));
    }

    private Mono<MemberDocument> write(MemberDocument current, MemberChange result) {
        MemberDocument next = result.next();
        Document fields = new Document();
        mongo.getConverter().write(next, fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals("outbox") && !name.equals("_class")) {
                update.set(name, value);
            }
        });
        for (String name : List.of("email", "displayName", "passwordHash", "erasedAt", "stripeCustomerId",
                "nextDeadline")) {
            if (!fields.containsKey(name)) {
                update.unset(name);
            }
        }
        if (!result.events().isEmpty()) {
            Object[] events = result.events().stream().map(event -> {
                Document doc = new Document();
                mongo.getConverter().write(event, doc);
                doc.remove("_class");
                return doc;
            }).toArray();
            update.push("outbox").each(events);
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
        return mongo.updateFirst(sameVersion, update, MemberDocument.class).flatMap(outcome -> {
            if (outcome.getMatchedCount() == 0) {
                return Mono.error(new ConcurrentModificationException("member " + current.id() + " changed meanwhile"));
            }
            Mono<Void> publish = result.events().isEmpty() ? Mono.empty()
                    : relay.publish(MemberDocument.COLLECTION, current.id());
            return publish.thenReturn(next);
        });
    }
}
