package org.newsroom.voting.tally;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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
    static final String BALLOT = "ballot";
    /** Separates the parts of a voter's marker; topic ids never contain it. */
    static final char SEP = '\u001f';

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

    /** One read by id alone: an {@code $in} on the ids, which the MongoDB-wire server answers from the id index. */
    @Override
    public Map<String, CountedBallot> counted(String pollId, Collection<String> voterKeys) {
        Map<String, CountedBallot> found = new HashMap<>();
        if (voterKeys.isEmpty()) {
            return found;
        }
        String prefix = pollId + ":";
        List<String> ids = voterKeys.stream().distinct().map(k -> prefix + k).toList();
        List<Document> docs = mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, VOTERS)
                .collectList().block(TIMEOUT);
        for (Document d : docs) {
            CountedBallot b = ballotOf(d);
            if (b != null) {
                found.put(d.getString("_id").substring(prefix.length()), b);
            }
        }
        return found;
    }

    private static CountedBallot ballotOf(Document d) {
        CountedBallot marked = unmark(d.getString(BALLOT));
        // markers written before the ballot field existed keep their ballot in separate fields
        CountedBallot earlier = d.containsKey("sequence") ? new CountedBallot(number(d.get("sequence")),
                d.getList("choices", String.class), number(d.get("weight"))) : null;
        if (marked == null || earlier != null && earlier.sequence() > marked.sequence()) {
            return earlier;
        }
        return marked;
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

    /**
     * One upsert per voter by id alone (the MongoDB-wire server uses the id index only for a query on
     * the id and nothing else, and scans the collection otherwise), sent as one unordered bulk write.
     * {@code $max} on the marker string keeps the ballot with the highest sequence, because the
     * string starts with the zero-padded sequence.
     */
    @Override
    public void markCounted(String pollId, Map<String, CountedBallot> ballots) {
        if (ballots.isEmpty()) {
            return;
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, VOTERS);
        ballots.forEach((voterKey, ballot) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(pollId + ":" + voterKey)),
                new Update().max(BALLOT, mark(ballot))));
        bulk.execute().block(TIMEOUT);
    }

    /** A counted ballot as one string that sorts by sequence: sequence, weight, then the choices. */
    static String mark(CountedBallot b) {
        return String.format("%019d%c%019d%c%s", b.sequence(), SEP, b.weight(), SEP,
                String.join(String.valueOf(SEP), b.choices()));
    }

    static CountedBallot unmark(String mark) {
        if (mark == null) {
            return null;
        }
        String[] parts = mark.split(String.valueOf(SEP), -1);
        List<String> choices = parts.length == 3 && parts[2].isEmpty() ? List.of()
                : List.of(parts).subList(2, parts.length);
        return new CountedBallot(Long.parseLong(parts[0]), choices, Long.parseLong(parts[1]));
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
