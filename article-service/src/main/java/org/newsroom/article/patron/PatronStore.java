package org.newsroom.article.patron;

import java.time.Clock;
import java.time.Instant;

import org.newsroom.article.config.ClockTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is a patron, from this service's own projection of membership events. Each event is applied
 * with one conditional upsert fenced by the membership version: an event that is not newer than
 * what is stored matches nothing, its upsert collides on the member id, and nothing changes.
 */
@Component
public class PatronStore {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    PatronStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Whether the member reads patrons-only articles in full right now. */
    public Mono<Boolean> isPatron(String memberId) {
        if (memberId == null) {
            return Mono.just(false);
        }
        Instant now = ClockTime.now(clock);
        return mongo.findById(memberId, PatronDocument.class)
                .map(doc -> doc.standing().isPatronAt(now))
                .defaultIfEmpty(false);
    }

    /** @return true if applied, false if the event was stale or repeated */
    Mono<Boolean> applyMembership(String memberId, long version, String status, String tier, Instant currentPeriodEnd,
                                  Instant graceEndsAt) {
        Update update = new Update()
                .set("status", status)
                .set("tier", tier)
                .set("currentPeriodEnd", currentPeriodEnd)
                .set("graceEndsAt", graceEndsAt)
                .set("version", version)
                .set("erased", false)
                .set("updatedAt", ClockTime.now(clock));
        return fencedUpsert(memberId, version, update);
    }

    /** Forgets the member's membership, keeping only a tombstone that fences older events. */
    Mono<Boolean> erase(String memberId, long version) {
        Update update = new Update()
                .set("version", version)
                .set("erased", true)
                .set("updatedAt", ClockTime.now(clock))
                .unset("status").unset("tier").unset("currentPeriodEnd").unset("graceEndsAt");
        return fencedUpsert(memberId, version, update);
    }

    private Mono<Boolean> fencedUpsert(String memberId, long version, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(memberId).and("version").lt(version).and("erased").ne(true));
        return mongo.upsert(newer, update, PatronDocument.COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }
}
