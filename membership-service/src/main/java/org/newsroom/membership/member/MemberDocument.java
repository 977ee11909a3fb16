package org.newsroom.membership.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.membership.account.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member: their account, their membership and the events both have caused and not yet
 * published. Every change to a member is one single-document write guarded by {@code version}, so
 * the change and its events are written together or not at all.
 *
 * @param nextDeadline when the passing of time next changes the membership (for the scheduler)
 * @param providerEvents ids of the payment-provider events already applied to this member
 */
@Document(MemberDocument.COLLECTION)
public record MemberDocument(
        @Id String id,
        String email,
        String displayName,
        String passwordHash,
        List<Role> roles,
        Instant registeredAt,
        Instant erasedAt,
        String stripeCustomerId,
        MembershipState membership,
        Instant nextDeadline,
        List<String> providerEvents,
        long version,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "members";
    public static final int REMEMBERED_PROVIDER_EVENTS = 200;

    public MemberDocument {
        roles = roles == null ? List.of(Role.READER) : List.copyOf(roles);
        providerEvents = providerEvents == null ? List.of() : List.copyOf(providerEvents);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Set<Role> roleSet() {
        return roles.isEmpty() ? EnumSet.of(Role.READER) : EnumSet.copyOf(roles);
    }

    public boolean hasApplied(String providerEventId) {
        return providerEvents.contains(providerEventId);
    }

    public MemberDocument withRoles(Set<Role> newRoles) {
        return new MemberDocument(id, email, displayName, passwordHash, List.copyOf(EnumSet.copyOf(newRoles)),
                registeredAt, erasedAt, stripeCustomerId, membership, nextDeadline, providerEvents, version, outbox);
    }

    public MemberDocument withStripeCustomerId(String customerId) {
        return new MemberDocument(id, email, displayName, passwordHash, roles, registeredAt, erasedAt, customerId,
                membership, nextDeadline, providerEvents, version, outbox);
    }

    public MemberDocument withMembership(MembershipState state, Instant deadline) {
        return new MemberDocument(id, email, displayName, passwordHash, roles, registeredAt, erasedAt, stripeCustomerId,
                state, deadline, providerEvents, version, outbox);
    }

    public MemberDocument withPasswordHash(String hash) {
        return new MemberDocument(id, email, displayName, hash, roles, registeredAt, erasedAt, stripeCustomerId,
                membership, nextDeadline, providerEvents, version, outbox);
    }

    /** Everything personal gone; the id and the counts that reference it stay. */
    public MemberDocument erasedAt(Instant at) {
        return new MemberDocument(id, "erased+" + id + "@invalid", null, null, List.of(), registeredAt, at, null,
                membership, null, providerEvents, version, outbox);
    }

    public MemberDocument withVersion(long newVersion) {
        return new MemberDocument(id, email, displayName, passwordHash, roles, registeredAt, erasedAt, stripeCustomerId,
                membership, nextDeadline, providerEvents, newVersion, outbox);
    }

    public MemberDocument remembering(String providerEventId) {
        if (providerEventId == null) {
            return this;
        }
        List<String> ids = new ArrayList<>(providerEvents);
        ids.add(providerEventId);
        if (ids.size() > REMEMBERED_PROVIDER_EVENTS) {
            ids = ids.subList(ids.size() - REMEMBERED_PROVIDER_EVENTS, ids.size());
        }
        return new MemberDocument(id, email, displayName, passwordHash, roles, registeredAt, erasedAt, stripeCustomerId,
                membership, nextDeadline, ids, version, outbox);
    }
}
