package org.newsroom.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.membership.membership.MembershipChange.Kind.ACTIVATED;
import static org.newsroom.membership.membership.MembershipChange.Kind.ENDED;
import static org.newsroom.membership.membership.MembershipChange.Kind.PAST_DUE;
import static org.newsroom.membership.membership.MembershipChange.Kind.RENEWED;
import static org.newsroom.membership.membership.MembershipChange.Kind.TIER_CHANGED;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.newsroom.membership.tier.BillingPeriod;

class MembershipLifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration GRACE = Duration.ofDays(7);

    static Membership none() {
        return Membership.none("ms-1", "member-1");
    }

    static Membership pending() {
        return none().startCheckout("co-1", "coffee", BillingPeriod.MONTHLY, T0).membership();
    }

    static Membership active() {
        return pending().checkoutPaid("co-1", null, T0).membership();
    }

    static Membership pastDue() {
        return active().paymentFailed(T0.plus(Duration.ofDays(30)), GRACE).membership();
    }

    static Membership cancelled() {
        return active().cancel(T0.plus(Duration.ofDays(3))).membership();
    }

    static Membership complimentary() {
        return none().grantComplimentary("champion", T0.plus(Duration.ofDays(90)), T0).membership();
    }

    static Membership lapsed() {
        var m = pastDue();
        return m.timePassed(m.graceEndsAt(), GRACE).membership();
    }

    static Membership ended() {
        return active().endNow(EndReason.REFUNDED).membership();
    }

    static void assertChange(Transition t, MembershipChange.Kind kind) {
        assertThat(t.changed()).isTrue();
        assertThat(t.change()).map(MembershipChange::kind).contains(kind);
    }

    static void assertSilent(Transition t) {
        assertThat(t.changed()).isTrue();
        assertThat(t.change()).isEmpty();
    }

    static void assertUnchanged(Transition t, Membership before) {
        assertThat(t.changed()).isFalse();
        assertThat(t.change()).isEmpty();
        assertThat(t.membership()).isEqualTo(before);
    }

    @Nested
    class Checkout {

        @Test
        void aReaderWhoChecksOutIsPendingAndNothingIsAnnounced() {
            var t = none().startCheckout("co-1", "coffee", BillingPeriod.MONTHLY, T0);
            assertSilent(t);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.PENDING);
            assertThat(t.membership().pendingCheckout().checkoutId()).isEqualTo("co-1");
            assertThat(t.membership().version()).isEqualTo(1);
        }

        @Test
        void aPendingMemberWhoChecksOutAgainReplacesTheCheckout() {
            var t = pending().startCheckout("co-2", "champion", BillingPeriod.YEARLY, T0);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.PENDING);
            assertThat(t.membership().pendingCheckout().checkoutId()).isEqualTo("co-2");
            assertThat(t.membership().pendingCheckout().returnTo()).isEqualTo(MembershipStatus.NONE);
            assertThat(t.membership().checkoutPaid("co-1", null, T0).changed()).isFalse();
        }

        @Test
        void aPatronWhoChecksOutStaysAPatronUntilThePaymentArrives() {
            var t = active().startCheckout("co-2", "champion", BillingPeriod.MONTHLY, T0);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(t.membership().tier()).isEqualTo("coffee");
        }

        @Test
        void aPastDueMemberCannotCheckOut() {
            assertThatThrownBy(() -> pastDue().startCheckout("co-2", "coffee", BillingPeriod.MONTHLY, T0))
                    .isInstanceOf(MembershipRuleViolation.class);
        }

        @Test
        void aComplimentaryPeriodCannotBeBought() {
            assertThatThrownBy(() -> none().startCheckout("co-2", "coffee", BillingPeriod.COMPLIMENTARY, T0))
                    .isInstanceOf(MembershipRuleViolation.class);
        }

        @Test
        void pendingToActiveWhenTheCheckoutIsPaid() {
            var t = pending().checkoutPaid("co-1", null, T0);
            assertChange(t, ACTIVATED);
            var m = t.membership();
            assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(m.tier()).isEqualTo("coffee");
            assertThat(m.period()).isEqualTo(BillingPeriod.MONTHLY);
            assertThat(m.currentPeriodEnd()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
            assertThat(m.pendingCheckout()).isNull();
            assertThat(m.version()).isEqualTo(2);
        }

        @Test
        void theProvidersPaidUntilWins() {
            var until = Instant.parse("2026-04-02T00:00:00Z");
            assertThat(pending().checkoutPaid("co-1", until, T0).membership().currentPeriodEnd()).isEqualTo(until);
        }

        @Test
        void aPaymentForAnotherCheckoutChangesNothing() {
            var p = pending();
            assertUnchanged(p.checkoutPaid("co-other", null, T0), p);
        }

        @Test
        void aSecondConfirmationOfTheSameCheckoutChangesNothing() {
            var a = active();
            assertUnchanged(a.checkoutPaid("co-1", null, T0), a);
        }

        @Test
        void pendingBackToWhereItWasWhenTheCheckoutFails() {
            var t = pending().checkoutFailed("co-1");
            assertSilent(t);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.NONE);
            assertThat(t.membership().pendingCheckout()).isNull();

            var l = lapsed().startCheckout("co-9", "coffee", BillingPeriod.MONTHLY, T0).membership();
            assertThat(l.checkoutFailed("co-9").membership().status()).isEqualTo(MembershipStatus.LAPSED);
        }

        @Test
        void lapsedOrEndedMembersBecomeActiveAgainByCheckingOut() {
            for (var m : new Membership[] {lapsed(), ended()}) {
                var p = m.startCheckout("co-5", "co-creator", BillingPeriod.YEARLY, T0).membership();
                assertThat(p.status()).isEqualTo(MembershipStatus.PENDING);
                var t = p.checkoutPaid("co-5", null, T0);
                assertChange(t, ACTIVATED);
                assertThat(t.membership().tier()).isEqualTo("co-creator");
                assertThat(t.membership().currentPeriodEnd()).isEqualTo(Instant.parse("2027-03-01T12:00:00Z"));
                assertThat(t.membership().endReason()).isNull();
            }
        }

        @Test
        void aPatronPayingForAnotherTierChangesTier() {
            var m = active().startCheckout("co-2", "champion", BillingPeriod.MONTHLY, T0.plusSeconds(60)).membership();
            var t = m.checkoutPaid("co-2", null, T0.plusSeconds(60));
            assertChange(t, TIER_CHANGED);
            assertThat(t.change().orElseThrow().previousTier()).isEqualTo("coffee");
            assertThat(t.membership().tier()).isEqualTo("champion");
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        }

        @Test
        void aCancelledPatronWhoPaysAgainIsActiveAgain() {
            var m = cancelled().startCheckout("co-3", "coffee", BillingPeriod.YEARLY, T0).membership();
            var t = m.checkoutPaid("co-3", null, T0);
            assertChange(t, RENEWED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(t.membership().period()).isEqualTo(BillingPeriod.YEARLY);
        }

        @Test
        void aComplimentaryPatronWhoPaysBecomesAPayingPatron() {
            var m = complimentary().startCheckout("co-4", "coffee", BillingPeriod.MONTHLY, T0).membership();
            assertThat(m.status()).isEqualTo(MembershipStatus.COMPLIMENTARY);
            var t = m.checkoutPaid("co-4", null, T0);
            assertChange(t, ACTIVATED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(t.membership().period()).isEqualTo(BillingPeriod.MONTHLY);
        }
    }

    @Nested
    class Renewals {

        @Test
        void activeIsRenewedByEachSuccessfulPayment() {
            var a = active();
            var until = a.currentPeriodEnd().plus(Duration.ofDays(30));
            var t = a.renewalPaid(until, a.currentPeriodEnd());
            assertChange(t, RENEWED);
            assertThat(t.membership().currentPeriodEnd()).isEqualTo(until);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        }

        @Test
        void aRenewalWithoutADateExtendsByOnePeriod() {
            var a = active();
            var t = a.renewalPaid(null, a.currentPeriodEnd());
            assertThat(t.membership().currentPeriodEnd()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        }

        @Test
        void aRenewalThatExtendsNothingChangesNothing() {
            var a = active();
            assertUnchanged(a.renewalPaid(a.currentPeriodEnd(), T0), a);
        }

        @Test
        void pastDueBackToActiveWhenThePaymentArrives() {
            var p = pastDue();
            var t = p.renewalPaid(p.currentPeriodEnd().plus(Duration.ofDays(30)), p.currentPeriodEnd().plusSeconds(5));
            assertChange(t, RENEWED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(t.membership().graceEndsAt()).isNull();
        }

        @Test
        void renewalsOfNonPayingMembershipsAreIgnored() {
            for (var m : new Membership[] {none(), pending(), lapsed(), ended(), complimentary()}) {
                assertUnchanged(m.renewalPaid(T0.plus(Duration.ofDays(400)), T0), m);
            }
        }

        @Test
        void activeToPastDueWhenAPaymentFailsWithAGracePeriod() {
            var failedAt = T0.plus(Duration.ofDays(30));
            var t = active().paymentFailed(failedAt, GRACE);
            assertChange(t, PAST_DUE);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.PAST_DUE);
            assertThat(t.membership().graceEndsAt()).isEqualTo(failedAt.plus(GRACE));
            assertThat(t.membership().status().isPatron()).isTrue();
        }

        @Test
        void aFailedPaymentOutsideActiveChangesNothing() {
            for (var m : new Membership[] {none(), pending(), pastDue(), cancelled(), lapsed(), ended(), complimentary()}) {
                assertUnchanged(m.paymentFailed(T0, GRACE), m);
            }
        }
    }

    @Nested
    class TimePassing {

        @Test
        void pastDueToLapsedWhenGraceEndsUnpaid() {
            var p = pastDue();
            assertUnchanged(p.timePassed(p.graceEndsAt().minusSeconds(1), GRACE), p);
            var t = p.timePassed(p.graceEndsAt(), GRACE);
            assertChange(t, ENDED);
            assertThat(t.change().orElseThrow().reason()).isEqualTo(EndReason.LAPSED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.LAPSED);
            assertThat(t.membership().status().isPatron()).isFalse();
        }

        @Test
        void cancelledToEndedWhenThePaidPeriodEnds() {
            var c = cancelled();
            assertUnchanged(c.timePassed(c.currentPeriodEnd().minusSeconds(1), GRACE), c);
            var t = c.timePassed(c.currentPeriodEnd(), GRACE);
            assertChange(t, ENDED);
            assertThat(t.change().orElseThrow().reason()).isEqualTo(EndReason.CANCELLED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ENDED);
        }

        @Test
        void complimentaryToEndedWhenTheGrantExpires() {
            var c = complimentary();
            assertUnchanged(c.timePassed(c.currentPeriodEnd().minusSeconds(1), GRACE), c);
            var t = c.timePassed(c.currentPeriodEnd(), GRACE);
            assertChange(t, ENDED);
            assertThat(t.change().orElseThrow().reason()).isEqualTo(EndReason.COMPLIMENTARY_EXPIRED);
        }

        @Test
        void activeToPastDueWhenThePeriodEndsWithNoWordFromTheProvider() {
            var a = active();
            assertUnchanged(a.timePassed(a.currentPeriodEnd().minusSeconds(1), GRACE), a);
            var t = a.timePassed(a.currentPeriodEnd().plusSeconds(10), GRACE);
            assertChange(t, PAST_DUE);
            assertThat(t.membership().graceEndsAt()).isEqualTo(a.currentPeriodEnd().plus(GRACE));
        }

        @Test
        void timeDoesNothingToReadersPendingLapsedOrEnded() {
            var far = T0.plus(Duration.ofDays(3650));
            for (var m : new Membership[] {none(), pending(), lapsed(), ended()}) {
                assertUnchanged(m.timePassed(far, GRACE), m);
                assertThat(m.nextDeadline()).isNull();
            }
        }

        @Test
        void theNextDeadlineIsWhenTimeWillChangeSomething() {
            assertThat(active().nextDeadline()).isEqualTo(active().currentPeriodEnd());
            assertThat(pastDue().nextDeadline()).isEqualTo(pastDue().graceEndsAt());
            assertThat(complimentary().nextDeadline()).isEqualTo(T0.plus(Duration.ofDays(90)));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void activeToCancelledKeepingThePeriodWithNothingAnnounced() {
            var a = active();
            var t = a.cancel(T0.plusSeconds(5));
            assertSilent(t);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.CANCELLED);
            assertThat(t.membership().currentPeriodEnd()).isEqualTo(a.currentPeriodEnd());
            assertThat(t.membership().status().isPatron()).isTrue();
        }

        @Test
        void cancellingTwiceChangesNothing() {
            var c = cancelled();
            assertUnchanged(c.cancel(T0), c);
        }

        @Test
        void pastDueToEndedAtOnceWhenCancelled() {
            var t = pastDue().cancel(T0);
            assertChange(t, ENDED);
            assertThat(t.change().orElseThrow().reason()).isEqualTo(EndReason.CANCELLED);
        }

        @Test
        void cancellingAPendingCheckoutGoesBack() {
            var t = pending().cancel(T0);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.NONE);
        }

        @Test
        void nothingToCancelForReadersAndComplimentaryMembers() {
            for (var m : new Membership[] {none(), lapsed(), ended(), complimentary()}) {
                assertThatThrownBy(() -> m.cancel(T0)).isInstanceOf(MembershipRuleViolation.class);
            }
        }

        @Test
        void theProviderEndingTheSubscriptionEndsOrLapsesIt() {
            assertThat(cancelled().subscriptionEnded(T0).change().orElseThrow().reason()).isEqualTo(EndReason.CANCELLED);
            assertThat(active().subscriptionEnded(T0).membership().status()).isEqualTo(MembershipStatus.ENDED);
            var lapsedNow = pastDue().subscriptionEnded(T0);
            assertThat(lapsedNow.membership().status()).isEqualTo(MembershipStatus.LAPSED);
            assertThat(lapsedNow.change().orElseThrow().reason()).isEqualTo(EndReason.LAPSED);
            var l = lapsed();
            assertUnchanged(l.subscriptionEnded(T0), l);
        }
    }

    @Nested
    class EndingAtOnce {

        @Test
        void refundOrFraudEndsAnyPatronAtOnce() {
            for (var m : new Membership[] {active(), pastDue(), cancelled(), complimentary()}) {
                for (var reason : new EndReason[] {EndReason.REFUNDED, EndReason.FRAUD, EndReason.PLEDGE_DELETED,
                        EndReason.ERASED}) {
                    var t = m.endNow(reason);
                    assertChange(t, ENDED);
                    assertThat(t.change().orElseThrow().reason()).isEqualTo(reason);
                    assertThat(t.membership().status()).isEqualTo(MembershipStatus.ENDED);
                    assertThat(t.membership().endReason()).isEqualTo(reason);
                    assertThat(t.membership().graceEndsAt()).isNull();
                    assertThat(t.membership().version()).isEqualTo(m.version() + 1);
                }
            }
        }

        @Test
        void endingAPendingCheckoutAnnouncesNothing() {
            var t = pending().endNow(EndReason.ERASED);
            assertSilent(t);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.NONE);
        }

        @Test
        void endingWhatIsNotAPatronChangesNothing() {
            for (var m : new Membership[] {none(), lapsed(), ended()}) {
                assertUnchanged(m.endNow(EndReason.REFUNDED), m);
            }
        }
    }

    @Nested
    class Complimentary {

        @Test
        void anEditorGrantsAComplimentaryMembershipUntilADate() {
            var until = T0.plus(Duration.ofDays(90));
            var t = none().grantComplimentary("champion", until, T0);
            assertChange(t, ACTIVATED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.COMPLIMENTARY);
            assertThat(t.membership().period()).isEqualTo(BillingPeriod.COMPLIMENTARY);
            assertThat(t.membership().currentPeriodEnd()).isEqualTo(until);
        }

        @Test
        void lapsedEndedAndPendingMembersCanBeGrantedOne() {
            for (var m : new Membership[] {lapsed(), ended(), pending()}) {
                var t = m.grantComplimentary("coffee", T0.plus(Duration.ofDays(10)), T0);
                assertChange(t, ACTIVATED);
                assertThat(t.membership().pendingCheckout()).isNull();
            }
        }

        @Test
        void extendingOrChangingAGrant() {
            var c = complimentary();
            var longer = c.grantComplimentary("champion", T0.plus(Duration.ofDays(180)), T0);
            assertChange(longer, RENEWED);
            var other = c.grantComplimentary("coffee", T0.plus(Duration.ofDays(90)), T0);
            assertChange(other, TIER_CHANGED);
            assertThat(other.change().orElseThrow().previousTier()).isEqualTo("champion");
            assertUnchanged(c.grantComplimentary("champion", c.currentPeriodEnd(), T0), c);
        }

        @Test
        void aPayingPatronCannotBeGrantedOne() {
            for (var m : new Membership[] {active(), pastDue(), cancelled()}) {
                assertThatThrownBy(() -> m.grantComplimentary("coffee", T0.plus(Duration.ofDays(10)), T0))
                        .isInstanceOf(MembershipRuleViolation.class);
            }
        }

        @Test
        void aGrantMustEndInTheFuture() {
            assertThatThrownBy(() -> none().grantComplimentary("coffee", T0, T0))
                    .isInstanceOf(MembershipRuleViolation.class);
        }
    }

    @Nested
    class Pledges {

        @Test
        void aPledgeMakesAReaderActive() {
            var t = none().pledged("coffee", BillingPeriod.MONTHLY, T0.plus(Duration.ofDays(31)), T0);
            assertChange(t, ACTIVATED);
            assertThat(t.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        }

        @Test
        void aPledgeForAnotherTierChangesTier() {
            var t = active().pledged("champion", BillingPeriod.MONTHLY, T0.plus(Duration.ofDays(31)), T0);
            assertChange(t, TIER_CHANGED);
        }

        @Test
        void theSamePledgeAgainChangesNothing() {
            var a = active();
            assertUnchanged(a.pledged("coffee", BillingPeriod.MONTHLY, a.currentPeriodEnd(), T0), a);
        }
    }

    @Test
    void everyChangeRaisesTheVersionByOne() {
        var m = none();
        m = m.startCheckout("co-1", "coffee", BillingPeriod.MONTHLY, T0).membership();
        m = m.checkoutPaid("co-1", null, T0).membership();
        m = m.paymentFailed(T0.plus(Duration.ofDays(31)), GRACE).membership();
        m = m.renewalPaid(T0.plus(Duration.ofDays(62)), T0.plus(Duration.ofDays(32))).membership();
        m = m.cancel(T0.plus(Duration.ofDays(33))).membership();
        m = m.timePassed(T0.plus(Duration.ofDays(62)), GRACE).membership();
        assertThat(m.status()).isEqualTo(MembershipStatus.ENDED);
        assertThat(m.version()).isEqualTo(6);
    }
}
