package org.newsroom.voting.member;

import java.time.Duration;

import org.newsroom.voting.ballot.VoterLinks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The member projection: a newer version replaces an older one, a stale or repeated event changes nothing. */
@Component
public class MemberStore {

    static final String COLLECTION = "members";

    private final ReactiveMongoTemplate mongo;
    private final VoterLinks links;

    public MemberStore(ReactiveMongoTemplate mongo, VoterLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    public Mono<MemberStanding> find(String memberId) {
        return mongo.findById(memberId, MemberDocument.class, COLLECTION).map(MemberDocument::standing);
    }

    /** Applies a membership state if its version is newer than the one held. True if it was. */
    public Mono<Boolean> apply(MemberStanding s) {
        Query newer = Query.query(Criteria.where("_id").is(s.memberId()).and("version").lt(s.version()));
        Update update = new Update().set("tier", s.tier()).set("weightMillis", s.weightMillis())
                .set("status", s.status()).set("currentPeriodEnd", s.currentPeriodEnd())
                .set("graceEndsAt", s.graceEndsAt()).set("erased", s.erased()).set("version", s.version());
        // a document holding this version or a newer one is not matched, and the upsert's insert of
        // the same _id is refused
        return mongo.upsert(newer, update, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /**
     * Forgets a member: the projection keeps only that the id is erased (so no ballot is accepted for
     * it), and the links from the member to their voter keys are deleted. Their ballots stay counted.
     */
    public Mono<Boolean> erase(String memberId, long version) {
        MemberStanding erased = new MemberStanding(memberId, null, 0, null, null, null, true, version);
        return apply(erased).flatMap(applied -> links.forget(memberId).thenReturn(applied));
    }

    static Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
