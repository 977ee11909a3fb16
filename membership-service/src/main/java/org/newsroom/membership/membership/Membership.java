package org.newsroom.membership.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.newsroom.membership.tier.BillingPeriod;

/**
 * A member's patron membership and its lifecycle. Immutable: every operation returns a
 * {@link Transition} with the next state and the change (if any) the rest of the newsroom must hear
 * about.
 *
 * <pre>
 * NONE/LAPSED/ENDED --checkout--> PENDING --paid--> ACTIVE --payment failed--> PAST_DUE --grace over--> LAPSED
 *                                    |                |  ^-----renewal paid------'  |
 *                                    '--failed--> back|  '--cancel--> CANCELLED --period over--> ENDED
 * COMPLIMENTARY (granted by an editor, until a date) --date passed--> ENDED
 * refund, fraud, pledge deleted, erasure --> ENDED at once
 * </pre>
 */
public record Membership(
        String id,
        String memberId,
        MembershipStatus status,
        String tier,
        BillingPeriod period,
        Instant currentPeriodEnd,
        Instant graceEndsAt,
        PendingCheckout pendingCheckout,
        EndReason endReason,
        long version) {

    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(status, "status");
    }

    /** A member who has never been a patron. */
    public static Membership none(String id, String memberId) {
        return new Membership(id, memberId, MembershipStatus.NONE, null, null, null, null, null, null, 0);
    }

    // ---- checkout -------------------------------------------------------------------------

    /**
     * The member started paying for {@code tier}. A reader's membership becomes PENDING; a patron's
     * stays as it is until the payment arrives (then it is renewed or changes tier).
     */
    public Transition startCheckout(String checkoutId, String tier, BillingPeriod period, Instant now) {
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(tier, "tier");
        if (period == null || !period.isPaid()) {
            throw new MembershipRuleViolation("invalid-period", "A checkout is monthly or yearly.");
        }
        if (status == MembershipStatus.PAST_DUE) {
            throw new MembershipRuleViolation("membership-past-due",
                    "The last payment failed; settle it with the payment provider before changing the membership.");
        }
        MembershipStatus returnTo = status == MembershipStatus.PENDING ? pendingCheckout.returnTo() : status;
        MembershipStatus next = status.isPatron() ? status : MembershipStatus.PENDING;
        return Transition.silent(with(next, this.tier, this.period, currentPeriodEnd, graceEndsAt,
                new PendingCheckout(checkoutId, tier, period, now, returnTo), endReason));
    }

    /**
     * The provider confirmed the payment of a checkout, paid until {@code paidUntil}. Only the
     * checkout the member started last counts; anything else changes nothing.
     */
    public Transition checkoutPaid(String checkoutId, Instant paidUntil, Instant now) {
        if (pendingCheckout == null || !pendingCheckout.checkoutId().equals(checkoutId)) {
            return Transition.unchanged(this);
        }
        var checkout = pendingCheckout;
        Instant until = paidUntil != null ? paidUntil : checkout.period().endOfPeriodStartingAt(now);
        return paid(checkout.tier(), checkout.period(), until, now);
    }

    /** The provider says the checkout's payment did not go through: back to where the member was. */
    public Transition checkoutFailed(String checkoutId) {
        if (pendingCheckout == null || !pendingCheckout.checkoutId().equals(checkoutId)) {
            return Transition.unchanged(this);
        }
        MembershipStatus back = status == MembershipStatus.PENDING ? pendingCheckout.returnTo() : status;
        return Transition.silent(with(back, tier, period, currentPeriodEnd, graceEndsAt, null, endReason));
    }

    /**
     * A payment for {@code tier} arrived outside a checkout (a pledge from a provider that has no
     * checkout here): the member becomes or stays a patron of that tier, paid until {@code paidUntil}.
     */
    public Transition pledged(String tier, BillingPeriod period, Instant paidUntil, Instant now) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(paidUntil, "paidUntil");
        return paid(tier, period, paidUntil, now);
    }

    private Transition paid(String newTier, BillingPeriod newPeriod, Instant until, Instant now) {
        if (status.isPaying()) {
            if (!newTier.equals(tier)) {
                return Transition.announced(with(MembershipStatus.ACTIVE, newTier, newPeriod, until, null, null, null),
                        MembershipChange.tierChanged(tier));
            }
            boolean extends_ = until.isAfter(currentPeriodEnd);
            if (!extends_ && status == MembershipStatus.ACTIVE && newPeriod == period) {
                return pendingCheckout == null ? Transition.unchanged(this)
                        : Transition.silent(with(status, tier, period, currentPeriodEnd, graceEndsAt, null, endReason));
            }
            Instant end = extends_ ? until : currentPeriodEnd;
            return Transition.announced(with(MembershipStatus.ACTIVE, tier, newPeriod, end, null, null, null),
                    MembershipChange.renewed());
        }
        return Transition.announced(with(MembershipStatus.ACTIVE, newTier, newPeriod, until, null, null, null),
                MembershipChange.activated());
    }

    // ---- renewals and failures ----------------------------------------------------------------

    /** A renewal payment arrived, paid until {@code paidUntil}. */
    public Transition renewalPaid(Instant paidUntil, Instant now) {
        if (!status.isPaying()) {
            return Transition.unchanged(this);
        }
        Instant until = paidUntil != null ? paidUntil : period.endOfPeriodStartingAt(later(currentPeriodEnd, now));
        if (status == MembershipStatus.ACTIVE && !until.isAfter(currentPeriodEnd)) {
            return Transition.unchanged(this);
        }
        Instant end = until.isAfter(currentPeriodEnd) ? until : currentPeriodEnd;
        return Transition.announced(with(MembershipStatus.ACTIVE, tier, period, end, null, pendingCheckout, null),
                MembershipChange.renewed());
    }

    /** A payment failed: an active member keeps their benefits for {@code grace}, then lapses. */
    public Transition paymentFailed(Instant now, Duration grace) {
        if (status != MembershipStatus.ACTIVE) {
            return Transition.unchanged(this);
        }
        return Transition.announced(with(MembershipStatus.PAST_DUE, tier, period, currentPeriodEnd, now.plus(grace),
                pendingCheckout, null), MembershipChange.pastDue());
    }

    // ---- time ---------------------------------------------------------------------------------

    /**
     * What the passing of time does: grace runs out, cancelled and complimentary periods end, and a
     * paid period that ended with no word from the provider starts the grace period.
     */
    public Transition timePassed(Instant now, Duration grace) {
        return switch (status) {
            case PAST_DUE -> !now.isBefore(graceEndsAt)
                    ? Transition.announced(with(MembershipStatus.LAPSED, tier, period, currentPeriodEnd, graceEndsAt,
                            pendingCheckout, EndReason.LAPSED), MembershipChange.ended(EndReason.LAPSED))
                    : Transition.unchanged(this);
            case CANCELLED -> !now.isBefore(currentPeriodEnd)
                    ? end(EndReason.CANCELLED)
                    : Transition.unchanged(this);
            case COMPLIMENTARY -> !now.isBefore(currentPeriodEnd)
                    ? end(EndReason.COMPLIMENTARY_EXPIRED)
                    : Transition.unchanged(this);
            case ACTIVE -> !now.isBefore(currentPeriodEnd)
                    ? Transition.announced(with(MembershipStatus.PAST_DUE, tier, period, currentPeriodEnd,
                            currentPeriodEnd.plus(grace), pendingCheckout, null), MembershipChange.pastDue())
                    : Transition.unchanged(this);
            default -> Transition.unchanged(this);
        };
    }

    /** When {@link #timePassed} will next have something to do, or null. */
    public Instant nextDeadline() {
        return switch (status) {
            case PAST_DUE -> graceEndsAt;
            case ACTIVE, CANCELLED, COMPLIMENTARY -> currentPeriodEnd;
            default -> null;
        };
    }

    // ---- the member's and the provider's decisions ----------------------------------------------

    /** The member cancels: a paid-up membership runs to the end of its period; one in arrears ends now. */
    public Transition cancel(Instant now) {
        return switch (status) {
            case ACTIVE -> Transition.silent(with(MembershipStatus.CANCELLED, tier, period, currentPeriodEnd, null,
                    null, null));
            case PAST_DUE -> end(EndReason.CANCELLED);
            case CANCELLED -> Transition.unchanged(this);
            case PENDING -> checkoutFailed(pendingCheckout.checkoutId());
            default -> throw new MembershipRuleViolation("not-cancellable",
                    "There is no paid membership to cancel (status " + status + ").");
        };
    }

    /** The provider ended the subscription (after a cancellation, or after failed retries). */
    public Transition subscriptionEnded(Instant now) {
        return switch (status) {
            case ACTIVE, CANCELLED -> end(EndReason.CANCELLED);
            case PAST_DUE -> Transition.announced(with(MembershipStatus.LAPSED, tier, period, currentPeriodEnd,
                    graceEndsAt, null, EndReason.LAPSED), MembershipChange.ended(EndReason.LAPSED));
            default -> Transition.unchanged(this);
        };
    }

    /** Ends a patron's membership at once (refund, fraud, pledge deleted, erasure). */
    public Transition endNow(EndReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (status.isPatron()) {
            return end(reason);
        }
        if (status == MembershipStatus.PENDING) {
            return Transition.silent(with(pendingCheckout.returnTo(), tier, period, currentPeriodEnd, graceEndsAt, null,
                    endReason));
        }
        return Transition.unchanged(this);
    }

    /** An editor grants {@code tier} free of charge until {@code until}. */
    public Transition grantComplimentary(String grantedTier, Instant until, Instant now) {
        Objects.requireNonNull(grantedTier, "tier");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(now)) {
            throw new MembershipRuleViolation("invalid-until", "A complimentary membership must end in the future.");
        }
        if (status.isPaying()) {
            throw new MembershipRuleViolation("already-paying",
                    "The member pays for their membership; a complimentary one cannot replace it.");
        }
        var next = with(MembershipStatus.COMPLIMENTARY, grantedTier, BillingPeriod.COMPLIMENTARY, until, null, null, null);
        if (status == MembershipStatus.COMPLIMENTARY) {
            if (!grantedTier.equals(tier)) {
                return Transition.announced(next, MembershipChange.tierChanged(tier));
            }
            return until.equals(currentPeriodEnd) ? Transition.unchanged(this)
                    : Transition.announced(next, MembershipChange.renewed());
        }
        return Transition.announced(next, MembershipChange.activated());
    }

    private Transition end(EndReason reason) {
        return Transition.announced(with(MembershipStatus.ENDED, tier, period, currentPeriodEnd, null, null, reason),
                MembershipChange.ended(reason));
    }

    private Membership with(MembershipStatus status, String tier, BillingPeriod period, Instant currentPeriodEnd,
            Instant graceEndsAt, PendingCheckout pendingCheckout, EndReason endReason) {
        return new Membership(id, memberId, status, tier, period, currentPeriodEnd, graceEndsAt, pendingCheckout,
                endReason, version + 1);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
