package org.newsroom.membership.membership;

import java.time.Instant;

import org.newsroom.membership.member.MembershipState;
import org.newsroom.membership.tier.BillingPeriod;

/** What a member (or an editor) sees of a membership. */
public record MembershipView(MembershipStatus status, String tier, BillingPeriod period, Instant currentPeriodEnd,
        Instant graceEndsAt) {

    public static MembershipView of(MembershipState s) {
        if (s == null) {
            return new MembershipView(MembershipStatus.NONE, null, null, null, null);
        }
        if (s.status() == MembershipStatus.PENDING && s.pendingCheckout() != null) {
            return new MembershipView(s.status(), s.pendingCheckout().tier(), s.pendingCheckout().period(), null, null);
        }
        return new MembershipView(s.status(), s.tier(), s.period(), s.currentPeriodEnd(), s.graceEndsAt());
    }
}
