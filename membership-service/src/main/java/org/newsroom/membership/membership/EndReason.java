package org.newsroom.membership.membership;

/** Why a membership ended. */
public enum EndReason {
    LAPSED, CANCELLED, REFUNDED, FRAUD, COMPLIMENTARY_EXPIRED, PLEDGE_DELETED, ERASED
}
