package org.newsroom.voting.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 * Within an instance a lock per poll orders them and is held only for the insert of a group of
 * ballots (see {@link #appendBlocking}). Across instances
 * the unique id (poll and sequence) is the guard: of two entries written for the same place one is
 * refused, and its writer reads the new end of the log and chains after it.
 */
@Component
public class BallotLog {

    public static final String COLLECTION = "ballot_log";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most entries one query reads. */
    static final int CHUNK = 1000;
    /** The most ballots one write appends. */
    static final int GROUP = 256;

    record Head(long sequence, String hash) {
    }

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    /** Where each poll's log ends, as far as this instance knows; the unique id corrects it. */
    private final Map<String, Head> heads = new ConcurrentHashMap<>();
    private final Map<String, Appender> appenders = new ConcurrentHashMap<>();

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
     * Appends a ballot at the end of the log, with its BallotCast event, in one write. Ballots that
     * arrive while a write is under way wait for it and then go together: one thread chains them all
     * after the end of the log and inserts them in one ordered write, so a poll's log takes one round
     * trip per group rather than per ballot. Another instance may have appended meanwhile: the
     * unique id refuses the write; what did go in is read back, and the rest is chained again after
     * the new end of the log.
     */
    public LogEntry appendBlocking(String pollId, String voterKey, List<String> choices, long weight, Instant castAt) {
        Appender appender = appenders.computeIfAbsent(pollId, id -> new Appender());
        Pending mine = new Pending(voterKey, choices, weight, castAt);
        appender.queue.add(mine);
        while (!mine.done()) {
            appender.lock.lock();
            try {
                if (!mine.done()) {
                    appendQueued(pollId, appender);
                }
            } finally {
                appender.lock.unlock();
            }
        }
        return mine.result();
    }

    private static final class Appender {
        final ReentrantLock lock = new ReentrantLock();
        final Deque<Pending> queue = new ConcurrentLinkedDeque<>();
    }

    private static final class Pending {
        final String voterKey;
        final List<String> choices;
        final long weight;
        final Instant castAt;
        int attempts;
        volatile LogEntry appended;
        volatile RuntimeException failed;

        Pending(String voterKey, List<String> choices, long weight, Instant castAt) {
            this.voterKey = voterKey;
            this.choices = choices;
            this.weight = weight;
            this.castAt = castAt;
        }

        boolean done() {
            return appended != null || failed != null;
        }

        LogEntry result() {
            if (failed != null) {
                throw failed;
            }
            return appended;
        }
    }

    /** With the poll's lock held: appends every queued ballot (up to a group's limit) in one write. */
    private void appendQueued(String pollId, Appender appender) {
        List<Pending> group = new ArrayList<>();
        for (Pending p = appender.queue.poll(); p != null; p = group.size() < GROUP ? appender.queue.poll() : null) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        Head start = heads.get(pollId);
        try {
            if (start == null) {
                start = endBlocking(pollId, new Head(0, BallotChain.GENESIS));
            }
            List<LogEntry> entries = new ArrayList<>(group.size());
            List<LogEntryDocument> documents = new ArrayList<>(group.size());
            Head head = start;
            for (Pending p : group) {
                LogEntry e = BallotChain.append(head.hash(), pollId, head.sequence() + 1, p.voterKey, p.choices,
                        p.weight, p.castAt);
                entries.add(e);
                documents.add(LogEntryDocument.of(e, List.of(events.create(BallotEvents.CAST, pollId,
                        BallotEvents.Cast.of(e)))));
                head = new Head(e.sequence(), e.entryHash());
            }
            try {
                mongo.insert(documents, COLLECTION).then().block(TIMEOUT);
                heads.put(pollId, head);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).appended = entries.get(i);
                }
            } catch (DuplicateKeyException taken) {
                // another instance wrote at one of these places: keep what went in, chain the rest again
                heads.remove(pollId);
                List<Pending> again = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    LogEntry e = entries.get(i);
                    LogEntryDocument stored = findBlocking(pollId, e.sequence());
                    Pending p = group.get(i);
                    if (stored != null && stored.entryHash().equals(e.entryHash())) {
                        p.appended = e;
                    } else if (++p.attempts >= 1000) {
                        p.failed = new IllegalStateException("could not append to the ballot log of " + pollId);
                    } else {
                        again.add(p);
                    }
                }
                heads.put(pollId, endBlocking(pollId, start));
                for (int i = again.size() - 1; i >= 0; i--) {
                    appender.queue.addFirst(again.get(i));
                }
            }
        } catch (RuntimeException e) {
            // the log's end is no longer known for sure: read it again before the next append
            heads.remove(pollId);
            group.stream().filter(p -> !p.done()).forEach(p -> p.failed = e);
        }
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
