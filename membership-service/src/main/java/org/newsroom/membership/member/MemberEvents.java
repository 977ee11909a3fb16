package org.newsroom.membership.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.membership.membership.Membership;
import org.newsroom.membership.membership.MembershipChange;
import org.newsroom.membership.tier.Tiers;
import org.springframework.stereotype.Component;

/**
 * The events on {@code newsroom.membership.v1}. Every membership event carries the whole membership
 * state after the change and the member document's version, so a consumer can keep its projection
 * from any one of them and drop stale ones. None carries an email, a password or payment details.
 */
@Component
public class MemberEvents {

    public static final String PREFIX = "org.newsroom.membership.";
    public static final String REGISTERED = PREFIX + "member-registered.v1";
    public static final String ERASED = PREFIX + "member-erased.v1";
    public static final String ACTIVATED = PREFIX + "activated.v1";
    public static final String RENEWED = PREFIX + "renewed.v1";
    public static final String TIER_CHANGED = PREFIX + "tier-changed.v1";
    public static final String PAST_DUE = PREFIX + "past-due.v1";
    public static final String ENDED = PREFIX + "ended.v1";

    private final EventFactory events;
    private final Tiers tiers;

    public MemberEvents(EventFactory events, Tiers tiers) {
        this.events = events;
        this.tiers = tiers;
    }

    public OutboxEvent registered(String memberId, String displayName, Instant registeredAt, long version) {
        var data = new LinkedHashMap<String, Object>();
        data.put("memberId", memberId);
        data.put("displayName", displayName);
        data.put("registeredAt", time(registeredAt));
        data.put("version", version);
        return events.create(REGISTERED, memberId, data);
    }

    public OutboxEvent erased(String memberId, Instant erasedAt, long version) {
        var data = new LinkedHashMap<String, Object>();
        data.put("memberId", memberId);
        data.put("erasedAt", time(erasedAt));
        data.put("version", version);
        return events.create(ERASED, memberId, data);
    }

    public OutboxEvent membership(Membership m, MembershipChange change, Instant occurredAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", m.memberId());
        data.put("membershipId", m.id());
        data.put("tier", tierName(m.tier()));
        data.put("weight", tiers.weightOf(m.tier()));
        data.put("period", m.period() == null ? null : m.period().name());
        data.put("status", m.status().name());
        data.put("currentPeriodEnd", time(m.currentPeriodEnd()));
        data.put("graceEndsAt", time(m.graceEndsAt()));
        data.put("version", m.version());
        data.put("occurredAt", time(occurredAt));
        String type = switch (change.kind()) {
            case ACTIVATED -> ACTIVATED;
            case RENEWED -> RENEWED;
            case TIER_CHANGED -> {
                data.put("previousTier", tierName(change.previousTier()));
                yield TIER_CHANGED;
            }
            case PAST_DUE -> PAST_DUE;
            case ENDED -> {
                data.put("reason", change.reason().name());
                yield ENDED;
            }
        };
        return events.create(type, m.memberId(), data);
    }

    /** Events name tiers as configured ("Co-creator"), as the contract says; a retired tier keeps its id. */
    private String tierName(String tierId) {
        return tiers.find(tierId).map(t -> t.name()).orElse(tierId);
    }

    /** ISO-8601 UTC to the millisecond, as every Newsroom event writes times. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
