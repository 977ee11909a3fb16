package org.newsroom.voting.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.newsroom.defaults.outbox.EventFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only, hash-chained ballot logs. Appending is blocking code for callers that hold the
 * poll's append lock; reading is reactive.
 */
@Component
public class BallotLog {

    public static final String COLLECTION = "ballot_log";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Head(long sequence, String hash) {
    }

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    /** Where each poll's log ends, as far as this instance knows; the unique id corrects it. */
    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    public BallotLog(ReactiveMongoTemplate mongo, EventFactory events) {
        this.mongo = mongo;
        this.events = events;
    }

    public Mono<LogEntry> entry(String pollId, long sequence) {
        return mongo.findById(LogEntryDocument.idOf(pollId, sequence), LogEntryDocument.class, COLLECTION)
                .map(LogEntryDocument::entry);
    }

    /** Entries after {@code afterSequence}, in log order. */
    public Flux<LogEntry> page(String pollId, long afterSequence, int limit) {
        Query q = Query.query(Criteria.where("_id").gt(LogEntryDocument.idOf(pollId, afterSequence))
                .lte(LogEntryDocument.idOf(pollId, 999_999_999_999L)))
                .with(Sort.by("_id")).limit(limit);
        return mongo.find(q, LogEntryDocument.class, COLLECTION).map(LogEntryDocument::entry);
    }

    /** The whole log of a poll, in order, read page by page. */
    public Flux<LogEntry> all(String pollId) {
        return pages(pollId, 0);
    }

    private Flux<LogEntry> pages(String pollId, long after) {
        int size = 1000;
        return page(pollId, after, size).collectList().flatMapMany(list -> list.size() < size
                ? Flux.fromIterable(list)
                : Flux.fromIterable(list).concatWith(pages(pollId, list.get(list.size() - 1).sequence())));
    }

    /**
     * Appends a ballot at the end of the log, with its BallotCast event, in one write. Call with the
     * poll's append lock held. Another instance may have appended meanwhile: the unique id refuses
     * the write and the append moves on to the next free place.
     */
    public LogEntry appendBlocking(String pollId, String voterKey, List<String> choices, long weight, Instant castAt) {
        Head head = heads.computeIfAbsent(pollId, id -> lastBlocking(id));
        for (int attempt = 0; attempt < 1000; attempt++) {
            LogEntry e = BallotChain.append(head.hash(), pollId, head.sequence() + 1, voterKey, choices, weight, castAt);
            try {
                mongo.insert(LogEntryDocument.of(e, List.of(events.create(BallotEvents.CAST, pollId,
                        BallotEvents.Cast.of(e)))), COLLECTION).block(TIMEOUT);
                heads.put(pollId, new Head(e.sequence(), e.entryHash()));
                return e;
            } catch (DuplicateKeyException taken) {
                head = lastBlocking(pollId);
                heads.put(pollId, head);
            }
        }
        throw new IllegalStateException("could not append to the ballot log of " + pollId);
    }

    private Head lastBlocking(String pollId) {
        Query q = Query.query(Criteria.where("pollId").is(pollId)).with(Sort.by(Sort.Direction.DESC, "sequence"))
                .limit(1);
        LogEntryDocument last = mongo.findOne(q, LogEntryDocument.class, COLLECTION).block(TIMEOUT);
        return last == null ? new Head(0, BallotChain.GENESIS) : new Head(last.sequence(), last.entryHash());
    }

    /** Drops what this instance remembers about where logs end (for tests that restart it). */
    void forgetHeads() {
        heads.clear();
    }
}
