package org.newsroom.membership.membership;

/** Where a membership is in its lifecycle, as shown to the member and carried by events. */
public enum MembershipStatus {
    NONE, PENDING, ACTIVE, PAST_DUE, CANCELLED, LAPSED, ENDED, COMPLIMENTARY;

    /** Whether a member in this status enjoys a patron's benefits. */
    public boolean isPatron() {
        return this == ACTIVE || this == PAST_DUE || this == CANCELLED || this == COMPLIMENTARY;
    }

    /** Whether the member is paying through a provider right now. */
    public boolean isPaying() {
        return this == ACTIVE || this == PAST_DUE || this == CANCELLED;
    }
}
