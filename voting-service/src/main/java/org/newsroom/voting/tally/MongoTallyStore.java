package org.newsroom.voting.tally;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The tally consumer's state in MongoDB: one document per poll with the counts and the partition
 * offsets they include (changed together in one write), and one document per voter with the ballot
 * the counts include. Blocking, for the consumer's thread.
 */
@Component
public class MongoTallyStore implements TallyStore {

    public static final String TALLIES = "tallies";
    static final String VOTERS = "tally_voters";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    public MongoTallyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<TallyState> read(String pollId) {
        return mongo.findById(pollId, Document.class, TALLIES).map(MongoTallyStore::state)
                .defaultIfEmpty(TallyState.empty());
    }

    @Override
    public TallyState tally(String pollId) {
        return read(pollId).block(TIMEOUT);
    }

    @Override
    public CountedBallot counted(String pollId, String voterKey) {
        Document d = mongo.findById(pollId + ":" + voterKey, Document.class, VOTERS).block(TIMEOUT);
        if (d == null) {
            return null;
        }
        return new CountedBallot(number(d.get("sequence")), d.getList("choices", String.class),
                number(d.get("weight")));
    }

    @Override
    public boolean apply(String pollId, int partition, long offset, Counts delta, long expectedVersion) {
        if (expectedVersion == 0) {
            Document topics = new Document();
            delta.topics().forEach((id, c) -> topics.put(id, new Document("votes", c.votes()).append("weighted",
                    c.weighted())));
            Document first = new Document("_id", pollId).append("ballots", delta.ballots()).append("topics", topics)
                    .append("offsets", new Document(Integer.toString(partition), offset)).append("version", 1L);
            try {
                mongo.insert(first, TALLIES).block(TIMEOUT);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Update u = new Update().inc("ballots", delta.ballots()).inc("version", 1L)
                .set("offsets." + partition, offset);
        delta.topics().forEach((id, c) -> u.inc("topics." + id + ".votes", c.votes())
                .inc("topics." + id + ".weighted", c.weighted()));
        Query q = Query.query(Criteria.where("_id").is(pollId).and("version").is(expectedVersion));
        return mongo.updateFirst(q, u, TALLIES).map(r -> r.getModifiedCount() == 1).block(TIMEOUT);
    }

    @Override
    public void markCounted(String pollId, String voterKey, CountedBallot ballot) {
        Query older = Query.query(Criteria.where("_id").is(pollId + ":" + voterKey).and("sequence")
                .lt(ballot.sequence()));
        Update u = new Update().set("sequence", ballot.sequence()).set("choices", ballot.choices())
                .set("weight", ballot.weight());
        try {
            mongo.upsert(older, u, VOTERS).block(TIMEOUT);
        } catch (DuplicateKeyException alreadyNewer) {
            // the counts include this voter's ballot or a later one already
        }
    }

    static TallyState state(Document d) {
        Map<String, TopicCount> topics = new HashMap<>();
        Document t = d.get("topics", Document.class);
        if (t != null) {
            t.forEach((id, v) -> {
                Document c = (Document) v;
                topics.put(id, new TopicCount(number(c.get("votes")), number(c.get("weighted"))));
            });
        }
        Map<Integer, Long> offsets = new HashMap<>();
        Document o = d.get("offsets", Document.class);
        if (o != null) {
            o.forEach((p, v) -> offsets.put(Integer.parseInt(p), number(v)));
        }
        return new TallyState(new Counts(number(d.get("ballots")), topics), offsets, number(d.get("version")));
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
