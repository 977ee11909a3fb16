package org.newsroom.membership.tier;

import java.time.ZoneOffset;
import java.time.Instant;

/** How often a patron pays. */
public enum BillingPeriod {
    MONTHLY, YEARLY;

    /** The end of one paid period that starts at {@code start} (calendar months/years in UTC). */
    public Instant endOfPeriodStartingAt(Instant start) {
        var utc = start.atOffset(ZoneOffset.UTC);
        return (this == YEARLY ? utc.plusYears(1) : utc.plusMonths(1)).toInstant();
    }
}
