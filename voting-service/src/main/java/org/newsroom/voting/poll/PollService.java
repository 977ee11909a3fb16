package org.newsroom.voting.poll;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.voting.ballot.BallotLog;
import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.common.RuleViolation.FieldError;
import org.newsroom.voting.config.Ids;
import org.newsroom.voting.config.VotingProperties;
import org.newsroom.voting.tally.PollResult;
import org.newsroom.voting.tally.Recount;
import org.newsroom.voting.topic.Topic;
import org.newsroom.voting.topic.TopicStatus;
import org.newsroom.voting.topic.TopicStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating, opening and closing polls. A poll's topics are reserved (put ON_BALLOT) before the poll
 * is written, so no topic is on two running ballots; a refused poll gives its reservations back.
 * At the close the result is counted from the ballot log, frozen in the poll with its PollClosed
 * event, and the topics are settled: the winner SELECTED, the others back to APPROVED.
 */
@Service
public class PollService {

    private static final Logger log = LoggerFactory.getLogger(PollService.class);

    public record PollRequest(String title, List<String> topicIds, Instant opensAt, Instant closesAt, String rule,
            Integer maxChoices, String weighting, String resultsVisibility, List<String> eligibleTiers) {
    }

    private final PollStore polls;
    private final TopicStore topics;
    private final BallotLog ballotLog;
    private final EventFactory events;
    private final Clock clock;
    private final VotingProperties properties;

    public PollService(PollStore polls, TopicStore topics, BallotLog ballotLog, EventFactory events, Clock clock,
            VotingProperties properties) {
        this.polls = polls;
        this.topics = topics;
        this.ballotLog = ballotLog;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<PollDocument> create(PollRequest r, String editorId) {
        Instant now = now();
        VotingRule rule = parse(VotingRule.class, r.rule(), "rule");
        Weighting weighting = parse(Weighting.class, r.weighting(), "weighting");
        ResultsVisibility visibility = parse(ResultsVisibility.class, r.resultsVisibility(), "resultsVisibility");
        Poll.checkDefinition(r.title(), r.topicIds(), r.opensAt(), r.closesAt(), rule, r.maxChoices(), weighting,
                visibility, now);
        Set<String> tiers = checkTiers(r.eligibleTiers());
        String pollId = Ids.next();
        return topics.findAll(r.topicIds()).collectMap(Topic::id).flatMap(found -> {
            List<FieldError> errors = new ArrayList<>();
            for (String id : r.topicIds()) {
                Topic t = found.get(id);
                if (t == null) {
                    errors.add(new FieldError("topicIds", "no topic " + id));
                } else if (t.status() != TopicStatus.APPROVED) {
                    errors.add(new FieldError("topicIds", "topic " + id + " is " + t.status() + ", not APPROVED"));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "topics-not-approved",
                        "a poll takes approved topics only", errors));
            }
            List<Topic> onBallot = r.topicIds().stream().map(found::get).toList();
            return reserve(onBallot, pollId).flatMap(reserved -> {
                List<PollTopic> pollTopics = onBallot.stream().map(t -> new PollTopic(t.id(), t.title())).toList();
                Poll poll = Poll.create(pollId, r.title(), pollTopics, r.opensAt(), r.closesAt(), rule, r.maxChoices(),
                        weighting, visibility, tiers, editorId);
                List<OutboxEvent> pending = new ArrayList<>();
                if (poll.dueToOpen(now)) {
                    poll = poll.open();
                    pending.add(opened(poll));
                }
                PollDocument doc = PollDocument.of(poll, pending);
                return polls.insert(doc).thenReturn(doc);
            });
        });
    }

    /** Puts every topic ON_BALLOT for this poll, or none: a topic taken meanwhile gives the others back. */
    private Mono<List<Topic>> reserve(List<Topic> wanted, String pollId) {
        List<Topic> reserved = new ArrayList<>();
        return Flux.fromIterable(wanted).concatMap(t -> {
            Topic next = t.putOnBallot(pollId);
            return topics.tryUpdate(next, List.of()).doOnNext(ok -> {
                if (ok) {
                    reserved.add(next);
                }
            });
        }).all(ok -> ok).flatMap(all -> {
            if (all) {
                return Mono.just(reserved);
            }
            return Flux.fromIterable(reserved).concatMap(t -> topics.tryUpdate(t.releaseFromBallot(), List.of()))
                    .then(Mono.error(RuleViolation.conflict("topic-taken",
                            "a topic changed or went on another ballot meanwhile; nothing was created")));
        });
    }

    /** An editor closes a poll early. */
    public Mono<PollDocument> closeEarly(String pollId) {
        return polls.find(pollId).switchIfEmpty(Mono.error(RuleViolation.notFound("poll-not-found", "no poll " + pollId)))
                .flatMap(doc -> {
                    if (PollStatus.valueOf(doc.status()) == PollStatus.CLOSED) {
                        return Mono.error(RuleViolation.conflict("poll-closed", "the poll is already closed"));
                    }
                    return close(doc).then(polls.find(pollId));
                });
    }

    /** One pass of the schedule: opens what is due, closes what is due, settles what was closed. */
    public Mono<Void> runSchedule() {
        Instant now = now();
        Mono<Void> open = polls.withStatus(PollStatus.SCHEDULED)
                .filter(d -> d.toPoll().dueToOpen(now))
                .concatMap(d -> {
                    Poll next = d.toPoll().open();
                    return polls.transition(next, null, List.of(opened(next)));
                }).then();
        Mono<Void> close = polls.withStatus(PollStatus.SCHEDULED, PollStatus.OPEN)
                .filter(d -> d.toPoll().dueToClose(now))
                .concatMap(this::close).then();
        Mono<Void> settle = polls.closedUnsettled().concatMap(this::settle).then();
        return open.then(close).then(settle);
    }

    private Mono<Void> close(PollDocument doc) {
        Poll poll = doc.toPoll();
        Instant now = now();
        Poll closed = poll.close(now);
        return ballotLog.all(poll.id()).collectList().flatMap(entries -> {
            // the log is the record; a ballot accepted before the closing time is in it
            Recount recount = new Recount();
            entries.stream().filter(e -> e.castAt().isBefore(closed.closesAt())).forEach(recount::add);
            PollResult result = PollResult.of(poll.topics(), recount.counts());
            PollDocument.FinalResult frozen = new PollDocument.FinalResult(result.ballots(),
                    result.lines().stream().map(l -> new PollDocument.Line(l.topicId(), l.title(), l.votes(),
                            l.weighted())).toList(),
                    result.selected() == null ? null : result.selected().topicId(), result.voteShare(),
                    result.tieBreak(), entries.size());
            PollEvents.Closed event = new PollEvents.Closed(poll.id(), poll.title(), closed.closedAt(), result.ballots(),
                    result.lines().stream().map(l -> new PollEvents.Result(l.topicId(), l.title(), l.votes(),
                            l.weighted() / 1000.0)).toList(),
                    result.selected() == null ? null
                            : new PollEvents.Selected(result.selected().topicId(), result.selected().title(),
                                    result.voteShare()),
                    result.tieBreak(), 2L + entries.size());
            return polls.transition(closed, frozen, List.of(events.create(PollEvents.CLOSED, poll.id(), event)));
        }).flatMap(done -> done ? polls.find(poll.id()).flatMap(this::settle) : Mono.empty());
    }

    /** After the close: the winner SELECTED, the other topics back to APPROVED for a later poll. */
    private Mono<Void> settle(PollDocument doc) {
        String winner = doc.result() == null ? null : doc.result().selectedTopicId();
        return topics.findAll(doc.topics().stream().map(PollTopic::topicId).toList())
                .filter(t -> t.status() == TopicStatus.ON_BALLOT && doc.id().equals(t.pollId()))
                .concatMap(t -> topics.tryUpdate(t.id().equals(winner) ? t.select() : t.releaseFromBallot(), List.of()))
                .then(polls.markSettled(doc.id()))
                .doOnError(e -> log.warn("Settling the topics of poll {} failed, will retry: {}", doc.id(), e.toString()))
                .onErrorResume(e -> Mono.empty());
    }

    private OutboxEvent opened(Poll p) {
        List<String> tiers = p.eligibleTiers().isEmpty() ? properties.tiers() : List.copyOf(p.eligibleTiers());
        return events.create(PollEvents.OPENED, p.id(), new PollEvents.Opened(p.id(), p.title(),
                p.topics(), p.rule().name(), p.maxChoices(), p.weighting().name(), p.resultsVisibility().name(),
                tiers, p.opensAt(), p.closesAt(), 1));
    }

    private Set<String> checkTiers(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        Map<String, String> known = new HashMap<>();
        properties.tiers().forEach(t -> known.put(t.toLowerCase(java.util.Locale.ROOT), t));
        Set<String> tiers = new LinkedHashSet<>();
        for (String t : requested) {
            String canonical = t == null ? null : known.get(t.strip().toLowerCase(java.util.Locale.ROOT));
            if (canonical == null) {
                throw RuleViolation.invalid("eligibleTiers", "unknown tier " + t + "; known: " + properties.tiers());
            }
            tiers.add(canonical);
        }
        return tiers;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
