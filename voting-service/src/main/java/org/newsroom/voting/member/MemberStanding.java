package org.newsroom.voting.member;

import java.time.Instant;
import java.util.Locale;

/**
 * What voting knows about a member, projected from {@code newsroom.membership.v1}: the membership
 * state carried by the newest event applied (by version), or an erased member.
 */
public record MemberStanding(String memberId, String tier, long weightMillis, String status, Instant currentPeriodEnd,
        Instant graceEndsAt, boolean erased, long version) {

    public enum Refusal { NOT_A_PATRON, LAPSED, ERASED, TIER_NOT_ELIGIBLE }

    /**
     * Whether the member is a paying patron at {@code now}: active or complimentary, cancelled but still
     * in the paid period, or past due within the grace period. Null when a patron, or why not.
     */
    public Refusal refusalAt(Instant now) {
        if (erased) {
            return Refusal.ERASED;
        }
        if (tier == null || status == null || weightMillis <= 0) {
            return Refusal.NOT_A_PATRON;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            // membership-service ends these with an event; a renewal in flight must not lock a patron out
            case "ACTIVE", "COMPLIMENTARY" -> null;
            case "CANCELLED" -> before(now, currentPeriodEnd, false) ? null : Refusal.LAPSED;
            case "PAST_DUE" -> before(now, graceEndsAt, true) ? null : Refusal.LAPSED;
            case "PENDING" -> Refusal.NOT_A_PATRON;
            default -> Refusal.LAPSED;
        };
    }

    private static boolean before(Instant now, Instant end, boolean openEnded) {
        if (end == null) {
            return openEnded;
        }
        return now.isBefore(end);
    }
}
