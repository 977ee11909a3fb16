package org.newsroom.membership.membership;

/**
 * A change another service must hear about; each becomes one event carrying the membership state
 * after it.
 */
public record MembershipChange(Kind kind, String previousTier, EndReason reason) {

    public enum Kind {
        ACTIVATED, RENEWED, TIER_CHANGED, PAST_DUE, ENDED
    }

    static MembershipChange activated() {
        return new MembershipChange(Kind.ACTIVATED, null, null);
    }

    static MembershipChange renewed() {
        return new MembershipChange(Kind.RENEWED, null, null);
    }

    static MembershipChange tierChanged(String previousTier) {
        return new MembershipChange(Kind.TIER_CHANGED, previousTier, null);
    }

    static MembershipChange pastDue() {
        return new MembershipChange(Kind.PAST_DUE, null, null);
    }

    static MembershipChange ended(EndReason reason) {
        return new MembershipChange(Kind.ENDED, null, reason);
    }
}
