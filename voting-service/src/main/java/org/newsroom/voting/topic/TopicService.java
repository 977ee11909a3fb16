package org.newsroom.voting.topic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.config.Caller;
import org.newsroom.voting.config.Ids;
import org.newsroom.voting.config.VotingProperties;
import org.newsroom.voting.member.MemberStore;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Proposals by patrons and editors, and their moderation by editors. */
@Service
public class TopicService {

    private final TopicStore topics;
    private final MemberStore members;
    private final EventFactory events;
    private final Clock clock;
    private final VotingProperties properties;

    public TopicService(TopicStore topics, MemberStore members, EventFactory events, Clock clock,
            VotingProperties properties) {
        this.topics = topics;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A patron (or an editor) proposes a topic; a patron a few per UTC day, an editor without limit. The daily count is read before the
     * insert, so two proposals sent at the same instant may both pass: a soft limit against flooding.
     */
    public Mono<Topic> propose(Caller caller, String title, String description) {
        Topic.checkProposal(title, description);
        Instant now = now();
        Mono<Void> mayPropose = caller.editor() ? Mono.empty()
                : members.find(caller.memberId())
                        .filter(s -> s.refusalAt(now) == null)
                        .switchIfEmpty(Mono.error(RuleViolation.forbidden("not-a-patron",
                                "only patrons propose topics; become a patron to take part")))
                        .then();
        Instant startOfDay = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return mayPropose
                .then(topics.countProposedSince(caller.memberId(), startOfDay))
                .flatMap(count -> {
                    if (!caller.editor() && count >= properties.proposalsPerDay()) {
                        return Mono.error(RuleViolation.tooMany("proposal-limit", "you can propose "
                                + properties.proposalsPerDay() + " topics a day; try again tomorrow"));
                    }
                    Topic t = Topic.propose(Ids.next(), title, description, caller.memberId(), now);
                    return topics.insert(t, List.of(events.create(TopicEvents.PROPOSED, t.id(),
                            new TopicEvents.Proposed(t.id(), t.title(), t.description(), now, t.version()))));
                });
    }

    public Mono<Topic> approve(String id) {
        return load(id).flatMap(t -> {
            Topic next = t.approve();
            return topics.update(next, List.of(events.create(TopicEvents.APPROVED, id,
                    new TopicEvents.Approved(id, next.title(), now(), next.version()))));
        });
    }

    public Mono<Topic> decline(String id, String reason) {
        String r = Topic.checkReason(reason);
        return load(id).flatMap(t -> {
            Topic next = t.decline(r);
            return topics.update(next, List.of(events.create(TopicEvents.DECLINED, id,
                    new TopicEvents.Declined(id, next.title(), r, now(), next.version()))));
        });
    }

    /** Merges a duplicate into the surviving topic; ballots and "my ballots" follow the survivor. */
    public Mono<Topic> merge(String id, String into) {
        if (into == null || into.isBlank()) {
            throw RuleViolation.invalid("into", "name the surviving topic");
        }
        return load(id).zipWith(topics.find(into).switchIfEmpty(Mono.error(
                RuleViolation.unprocessable("merge-target", "the surviving topic does not exist", "into"))))
                .flatMap(both -> {
                    Topic next = both.getT1().mergeInto(both.getT2());
                    return topics.update(next, List.of(events.create(TopicEvents.MERGED, id,
                            new TopicEvents.Merged(id, into, now(), next.version()))));
                });
    }

    Mono<Topic> load(String id) {
        return topics.find(id).switchIfEmpty(Mono.error(RuleViolation.notFound("topic-not-found",
                "no topic " + id)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
