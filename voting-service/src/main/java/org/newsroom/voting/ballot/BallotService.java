package org.newsroom.voting.ballot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.newsroom.defaults.outbox.OutboxRelay;
import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.member.MemberStanding;
import org.newsroom.voting.member.MemberStore;
import org.newsroom.voting.poll.Poll;
import org.newsroom.voting.poll.PollStatus;
import org.newsroom.voting.poll.PollStore;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Casting and replacing ballots. Every check runs before anything is written, so a refused ballot
 * leaves no trace. An accepted ballot is, in this order: the member-to-key link, the log entry with
 * its BallotCast event (one write: from here on it counts), the voter's current ballot, and the
 * publish of the event.
 *
 * <p>One voter's ballots in one poll are taken one at a time (a striped lock on poll and voter key),
 * so a retried ballot id finds the first answer and the current ballot follows the log. Only the
 * append itself is serialised per poll (see {@link BallotLog}), so different voters' ballots
 * overlap in everything else.
 */
@Service
public class BallotService {

    static final String BALLOTS = "ballots";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int VOTER_STRIPES = 256;

    private final PollStore polls;
    private final MemberStore members;
    private final VoterKeys keys;
    private final VoterLinks links;
    private final BallotLog log;
    private final OutboxRelay relay;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    /** Striped by poll and voter key: bounded, and two voters rarely share a stripe. */
    private final ReentrantLock[] voterLocks = new ReentrantLock[VOTER_STRIPES];

    public BallotService(PollStore polls, MemberStore members, VoterKeys keys, VoterLinks links, BallotLog log,
            OutboxRelay relay, ReactiveMongoTemplate mongo, Clock clock) {
        this.polls = polls;
        this.members = members;
        this.keys = keys;
        this.links = links;
        this.log = log;
        this.relay = relay;
        this.mongo = mongo;
        this.clock = clock;
        for (int i = 0; i < VOTER_STRIPES; i++) {
            voterLocks[i] = new ReentrantLock();
        }
    }

    public Mono<BallotAnswer> cast(String memberId, String pollId, List<String> requestedChoices, String ballotId) {
        checkBallotId(ballotId);
        return polls.find(pollId).switchIfEmpty(Mono.error(notFound(pollId))).flatMap(doc -> {
            Poll poll = doc.toPoll();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (!poll.acceptsBallotsAt(now)) {
                return Mono.error(poll.statusAt(now) == PollStatus.SCHEDULED
                        ? RuleViolation.conflict("poll-not-open", "the poll opens at " + poll.opensAt())
                        : RuleViolation.conflict("poll-closed", "the poll closed at " + poll.closesAt()));
            }
            return members.find(memberId)
                    .switchIfEmpty(Mono.error(RuleViolation.forbidden("not-a-patron",
                            "only patrons vote; become a patron to take part")))
                    .flatMap(standing -> {
                        checkEligible(standing, poll, now);
                        List<String> choices = poll.checkChoices(requestedChoices);
                        long weight = poll.weightOf(standing.weightMillis());
                        String key = keys.keyOf(memberId, pollId);
                        return links.link(memberId, pollId, key)
                                .then(Mono.fromCallable(() -> appendLocked(poll, key, choices, weight, ballotId, now))
                                        .subscribeOn(Schedulers.boundedElastic()))
                                .flatMap(result -> result.appended()
                                        ? relay.publish(BallotLog.COLLECTION,
                                                LogEntryDocument.idOf(pollId, result.sequence())).thenReturn(result.answer())
                                        : Mono.just(result.answer()));
                    });
        });
    }

    record Appended(BallotAnswer answer, boolean appended, long sequence) {
    }

    private Appended appendLocked(Poll poll, String key, List<String> choices, long weight, String ballotId,
            Instant now) {
        String id = CurrentBallot.idOf(poll.id(), key);
        ReentrantLock lock = voterLocks[Math.floorMod(id.hashCode(), VOTER_STRIPES)];
        lock.lock();
        try {
            CurrentBallot current = mongo.findById(id, CurrentBallot.class, BALLOTS).block(TIMEOUT);
            CurrentBallot.Answer earlier = current == null ? null : current.answerFor(ballotId);
            if (earlier != null) {
                if (!earlier.choices().equals(choices)) {
                    throw RuleViolation.conflict("ballot-id-reused",
                            "this ballotId was used for other choices; send a new ballotId for a new ballot");
                }
                return new Appended(new BallotAnswer(earlier.receipt(), earlier.choices(), earlier.castAt()), false, 0);
            }
            LogEntry entry = log.appendBlocking(poll.id(), key, choices, weight, now);
            String receipt = BallotChain.receiptOf(entry);
            List<CurrentBallot.Answer> recent = new ArrayList<>(current == null || current.recent() == null
                    ? List.of() : current.recent());
            recent.add(new CurrentBallot.Answer(ballotId, receipt, choices, now));
            if (recent.size() > CurrentBallot.REMEMBERED) {
                recent = new ArrayList<>(recent.subList(recent.size() - CurrentBallot.REMEMBERED, recent.size()));
            }
            mongo.save(new CurrentBallot(id, poll.id(), key, entry.sequence(), choices, weight, receipt, now, recent),
                    BALLOTS).block(TIMEOUT);
            return new Appended(new BallotAnswer(receipt, choices, now), true, entry.sequence());
        } finally {
            lock.unlock();
        }
    }

    /** My current ballot in a poll, found through my link to my voter key. */
    public Mono<CurrentBallot> mine(String memberId, String pollId) {
        return links.keyOf(memberId, pollId)
                .flatMap(key -> mongo.findById(CurrentBallot.idOf(pollId, key), CurrentBallot.class, BALLOTS));
    }

    public Mono<List<CurrentBallot>> allMine(String memberId) {
        return links.links(memberId).flatMap(map -> {
            List<String> ids = map.entrySet().stream().map(e -> CurrentBallot.idOf(e.getKey(), e.getValue())).toList();
            return mongo.find(Query.query(Criteria.where("_id").in(ids)), CurrentBallot.class, BALLOTS)
                    .collectList();
        }).defaultIfEmpty(List.of());
    }

    static void checkEligible(MemberStanding standing, Poll poll, Instant now) {
        MemberStanding.Refusal refusal = standing.refusalAt(now);
        if (refusal != null) {
            throw switch (refusal) {
                case ERASED -> RuleViolation.forbidden("member-erased", "this account was erased");
                case LAPSED -> RuleViolation.forbidden("membership-lapsed",
                        "your membership has lapsed; renew it to vote");
                default -> RuleViolation.forbidden("not-a-patron", "only patrons vote; become a patron to take part");
            };
        }
        if (!poll.admitsTier(standing.tier())) {
            throw RuleViolation.forbidden("tier-not-eligible",
                    "this poll is open to the tiers " + poll.eligibleTiers() + " only");
        }
    }

    static void checkBallotId(String ballotId) {
        if (ballotId == null || !ballotId.matches("[A-Za-z0-9_-]{8,64}")) {
            throw RuleViolation.invalid("ballotId", "must be 8 to 64 letters, digits, '-' or '_' (a UUID will do)");
        }
    }

    static RuleViolation notFound(String pollId) {
        return RuleViolation.notFound("poll-not-found", "no poll " + pollId);
    }

}
