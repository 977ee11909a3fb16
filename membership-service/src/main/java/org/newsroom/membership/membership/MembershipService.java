package org.newsroom.membership.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberChange;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberEvents;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.member.MembershipState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Runs the lifecycle against stored members: one write per change, its event in the same write. */
@Service
public class MembershipService {

    private final MemberStore store;
    private final MemberEvents events;
    private final Clock clock;
    private final Duration grace;

    public MembershipService(MemberStore store, MemberEvents events, Clock clock,
            @Value("${newsroom.membership.grace-period:7d}") Duration grace) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    /**
     * Applies {@code operation} to a member's membership. With a {@code providerEventId}, a
     * provider event already applied to this member changes nothing. Erased members do not change.
     */
    public Mono<MemberDocument> apply(String memberId, String providerEventId,
            BiFunction<Membership, Instant, Transition> operation) {
        return store.update(memberId, doc -> change(doc, providerEventId, operation))
                .onErrorMap(MembershipRuleViolation.class, MembershipService::asProblem);
    }

    /** A refused lifecycle change as the answer a member sees: 409 with a stable type. */
    public static ProblemException asProblem(MembershipRuleViolation violation) {
        return ProblemException.conflict(violation.code(), violation.getMessage());
    }

    /** The same, for a change decided together with other document fields (e.g. the provider's customer id). */
    public MemberChange change(MemberDocument doc, String providerEventId,
            BiFunction<Membership, Instant, Transition> operation) {
        if (doc.erased() || (providerEventId != null && doc.hasApplied(providerEventId))) {
            return MemberChange.none();
        }
        Instant now = clock.instant();
        Membership before = doc.membership().toDomain(doc.id(), doc.version());
        Transition t = operation.apply(before, now);
        if (!t.changed()) {
            return MemberChange.none();
        }
        Membership after = t.membership();
        List<OutboxEvent> out = new ArrayList<>();
        t.change().ifPresent(c -> out.add(events.membership(after, c, now)));
        MemberDocument next = doc.withMembership(MembershipState.of(after), after.nextDeadline())
                .remembering(providerEventId).withVersion(after.version());
        return new MemberChange(next, out);
    }
}
