package org.newsroom.membership.membership;

import java.time.Instant;

import org.newsroom.membership.tier.BillingPeriod;

/** A checkout started and not yet paid; {@code returnTo} is the status to go back to if it fails. */
public record PendingCheckout(String checkoutId, String tier, BillingPeriod period, Instant startedAt,
        MembershipStatus returnTo) {
}
