package org.newsroom.voting.ballot;

import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The only place that ties a member to their voter keys: one document per member, poll id to key.
 * Erasure deletes it; the ballots under those keys stay in the log and stay counted.
 */
@Component
public class VoterLinks {

    static final String COLLECTION = "voter_links";

    private final ReactiveMongoTemplate mongo;

    public VoterLinks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> link(String memberId, String pollId, String voterKey) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), new Update().set("polls." + pollId,
                voterKey), COLLECTION).then();
    }

    public Mono<String> keyOf(String memberId, String pollId) {
        return links(memberId).mapNotNull(m -> m.get(pollId));
    }

    /** Poll id to voter key, for every poll the member voted in. */
    public Mono<Map<String, String>> links(String memberId) {
        return mongo.findById(memberId, Document.class, COLLECTION).map(d -> {
            Document polls = d.get("polls", Document.class);
            Map<String, String> result = new java.util.LinkedHashMap<>();
            if (polls != null) {
                polls.forEach((k, v) -> result.put(k, String.valueOf(v)));
            }
            return result;
        });
    }

    public Mono<Void> forget(String memberId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION).then();
    }
}
