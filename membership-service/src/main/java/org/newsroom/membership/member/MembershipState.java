package org.newsroom.membership.member;

import java.time.Instant;

import org.newsroom.membership.membership.EndReason;
import org.newsroom.membership.membership.Membership;
import org.newsroom.membership.membership.MembershipStatus;
import org.newsroom.membership.membership.PendingCheckout;
import org.newsroom.membership.tier.BillingPeriod;

/** How a member's membership is stored inside their document. */
public record MembershipState(
        String membershipId,
        MembershipStatus status,
        String tier,
        BillingPeriod period,
        Instant currentPeriodEnd,
        Instant graceEndsAt,
        PendingCheckout pendingCheckout,
        EndReason endReason) {

    public static MembershipState none(String membershipId) {
        return new MembershipState(membershipId, MembershipStatus.NONE, null, null, null, null, null, null);
    }

    /** The domain object, versioned by the member document it lives in. */
    public Membership toDomain(String memberId, long version) {
        return new Membership(membershipId, memberId, status, tier, period, currentPeriodEnd, graceEndsAt,
                pendingCheckout, endReason, version);
    }

    public static MembershipState of(Membership m) {
        return new MembershipState(m.id(), m.status(), m.tier(), m.period(), m.currentPeriodEnd(), m.graceEndsAt(),
                m.pendingCheckout(), m.endReason());
    }
}
