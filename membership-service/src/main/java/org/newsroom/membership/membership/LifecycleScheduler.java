package org.newsroom.membership.membership;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves memberships on when their time comes: grace runs out, cancelled and complimentary periods
 * end, unpaid periods fall due. Time comes from the injected {@link Clock}. Several instances may run
 * it at once: each change is guarded by the document version and a second run finds nothing to do.
 */
@Component
public class LifecycleScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LifecycleScheduler.class);

    private final MemberStore store;
    private final MembershipService memberships;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable running;

    public LifecycleScheduler(MemberStore store, MembershipService memberships, Clock clock,
            @Value("${newsroom.membership.schedule-interval:1m}") Duration interval) {
        this.store = store;
        this.memberships = memberships;
        this.clock = clock;
        this.interval = interval;
    }

    /** One pass: every membership whose deadline has come. Returns how many changed. */
    public Mono<Long> runDue() {
        var due = Query.query(Criteria.where("nextDeadline").lte(clock.instant()).and("erasedAt").is(null));
        return store.find(due)
                .concatMap(m -> memberships.apply(m.id(), null, (ms, now) -> ms.timePassed(now, memberships.grace()))
                        .filter(after -> after.version() != m.version())
                        .onErrorResume(e -> {
                            log.warn("Membership of {} not moved on yet: {}", m.id(), e.toString());
                            return Mono.<MemberDocument>empty();
                        }))
                .count();
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval).onBackpressureDrop()
                .concatMap(tick -> runDue().onErrorResume(e -> {
                    log.warn("Membership schedule failed, trying again in {}: {}", interval, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable r = running;
        if (r != null) {
            r.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
