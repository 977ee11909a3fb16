package org.newsroom.membership.membership;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

@Component
public class Checkouts {

    private final ReactiveMongoTemplate mongo;

    public Checkouts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<CheckoutDocument> insert(CheckoutDocument checkout) {
        return mongo.insert(checkout);
    }

    public Mono<CheckoutDocument> find(String id) {
        return mongo.findById(id, CheckoutDocument.class);
    }

    public Mono<Void> mark(String id, CheckoutDocument.Status status) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", status),
                CheckoutDocument.class).then();
    }
}
