package org.newsroom.membership.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/** Failed sign-ins counted per account and per address, shared by every instance through MongoDB. */
public class LoginFailures {

    static final String COLLECTION = "login_failures";

    private final ReactiveMongoTemplate mongo;
    private final LoginThrottle throttle;
    private final Clock clock;

    public LoginFailures(ReactiveMongoTemplate mongo, LoginThrottle throttle, Clock clock) {
        this.mongo = mongo;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when they may try now. */
    public Mono<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        return Mono.zip(read("account:" + account), read("address:" + address)).map(both -> {
            Duration a = throttle.waitFor(both.getT1(), throttle.maxFailuresPerAccount(), now);
            Duration b = throttle.waitFor(both.getT2(), throttle.maxFailuresPerAddress(), now);
            return a.compareTo(b) >= 0 ? a : b;
        });
    }

    public Mono<Void> failed(String account, String address) {
        return count("account:" + account).then(count("address:" + address));
    }

    public Mono<Void> succeeded(String account) {
        return mongo.remove(Query.query(Criteria.where("_id").is("account:" + account)), COLLECTION).then();
    }

    private Mono<LoginThrottle.Failures> read(String key) {
        return mongo.findById(key, Document.class, COLLECTION)
                .map(d -> new LoginThrottle.Failures(d.getInteger("count", 0), d.getDate("windowStart").toInstant()))
                .defaultIfEmpty(LoginThrottle.Failures.none(clock.instant()));
    }

    private Mono<Void> count(String key) {
        Instant now = clock.instant();
        Instant windowOpenedAfter = now.minus(throttle.window());
        Query inWindow = Query.query(Criteria.where("_id").is(key).and("windowStart").gt(windowOpenedAfter));
        return mongo.updateFirst(inWindow, new Update().inc("count", 1), COLLECTION)
                .flatMap(r -> r.getMatchedCount() == 1 ? Mono.empty()
                        : mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                                new Update().set("count", 1).set("windowStart", now), COLLECTION).then());
    }
}
