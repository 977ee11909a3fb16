package org.newsroom.voting.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.newsroom.defaults.outbox.EventFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only, hash-chained ballot logs. Appending is blocking code; reading is reactive.
 *
 * <p>Each entry chains to the one before it, so a poll's appends are strictly one after the other.
 * Within an instance a lock per poll orders them and is held only for the insert. Across instances
 * the unique id (poll and sequence) is the guard: of two entries written for the same place one is
 * refused, and its writer reads the new end of the log and chains after it.
 */
@Component
public class BallotLog {

    public static final String COLLECTION = "ballot_log";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most entries one query reads. */
    static final int CHUNK = 1000;

    record Head(long sequence, String hash) {
    }

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    /** Where each poll's log ends, as far as this instance knows; the unique id corrects it. */
    private final Map<String, Head> heads = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> appendLocks = new ConcurrentHashMap<>();

    public BallotLog(ReactiveMongoTemplate mongo, EventFactory events) {
        this.mongo = mongo;
        this.events = events;
    }

    public Mono<LogEntry> entry(String pollId, long sequence) {
        return mongo.findById(LogEntryDocument.idOf(pollId, sequence), LogEntryDocument.class, COLLECTION)
                .map(LogEntryDocument::entry);
    }

    /**
     * Entries after {@code afterSequence}, in log order. A log has no gaps, so the page is the ids
     * of the next {@code limit} places: an {@code $in} on the id, which the MongoDB-wire server
     * answers from the id index (a range on the id would scan the collection).
     */
    public Flux<LogEntry> page(String pollId, long afterSequence, int limit) {
        if (limit > CHUNK) {
            return page(pollId, afterSequence, CHUNK).collectList().flatMapMany(list -> list.size() < CHUNK
                    ? Flux.fromIterable(list)
                    : Flux.fromIterable(list).concatWith(page(pollId, afterSequence + CHUNK, limit - CHUNK)));
        }
        List<String> ids = java.util.stream.LongStream.rangeClosed(afterSequence + 1, afterSequence + limit)
                .mapToObj(seq -> LogEntryDocument.idOf(pollId, seq)).toList();
        Query q = Query.query(Criteria.where("_id").in(ids));
        return mongo.find(q, LogEntryDocument.class, COLLECTION)
                .sort(java.util.Comparator.comparingLong(LogEntryDocument::sequence))
                .map(LogEntryDocument::entry);
    }

    /** The whole log of a poll, in order, read page by page. */
    public Flux<LogEntry> all(String pollId) {
        return page(pollId, 0, Integer.MAX_VALUE);
    }

    /**
     * Appends a ballot at the end of the log, with its BallotCast event, in one write. Another
     * instance may have appended meanwhile: the unique id refuses the write and the append moves on
     * to the next free place.
     */
    public LogEntry appendBlocking(String pollId, String voterKey, List<String> choices, long weight, Instant castAt) {
        ReentrantLock lock = appendLocks.computeIfAbsent(pollId, id -> new ReentrantLock());
        lock.lock();
        try {
            return appendLocked(pollId, voterKey, choices, weight, castAt);
        } finally {
            lock.unlock();
        }
    }

    private LogEntry appendLocked(String pollId, String voterKey, List<String> choices, long weight, Instant castAt) {
        Head head = heads.computeIfAbsent(pollId, id -> endBlocking(id, new Head(0, BallotChain.GENESIS)));
        for (int attempt = 0; attempt < 1000; attempt++) {
            LogEntry e = BallotChain.append(head.hash(), pollId, head.sequence() + 1, voterKey, choices, weight, castAt);
            try {
                mongo.insert(LogEntryDocument.of(e, List.of(events.create(BallotEvents.CAST, pollId,
                        BallotEvents.Cast.of(e)))), COLLECTION).block(TIMEOUT);
                heads.put(pollId, new Head(e.sequence(), e.entryHash()));
                return e;
            } catch (DuplicateKeyException taken) {
                head = endBlocking(pollId, head);
                heads.put(pollId, head);
            }
        }
        throw new IllegalStateException("could not append to the ballot log of " + pollId);
    }

    /**
     * The last entry of a poll's log at or after {@code known} (an entry in the log, or the genesis).
     * Each probe is a read by id: doubling steps past the end, then halving back to it.
     */
    private Head endBlocking(String pollId, Head known) {
        Head last = known;
        long step = 1;
        long missing;
        while (true) {
            LogEntryDocument d = findBlocking(pollId, last.sequence() + step);
            if (d == null) {
                missing = last.sequence() + step;
                break;
            }
            last = new Head(d.sequence(), d.entryHash());
            step *= 2;
        }
        while (missing - last.sequence() > 1) {
            long mid = last.sequence() + (missing - last.sequence()) / 2;
            LogEntryDocument d = findBlocking(pollId, mid);
            if (d == null) {
                missing = mid;
            } else {
                last = new Head(d.sequence(), d.entryHash());
            }
        }
        return last;
    }

    private LogEntryDocument findBlocking(String pollId, long sequence) {
        return mongo.findById(LogEntryDocument.idOf(pollId, sequence), LogEntryDocument.class, COLLECTION)
                .block(TIMEOUT);
    }

    /** Drops what this instance remembers about where logs end (for tests that restart it). */
    void forgetHeads() {
        heads.clear();
    }
}
