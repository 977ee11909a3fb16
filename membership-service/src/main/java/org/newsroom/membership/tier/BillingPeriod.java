package org.newsroom.membership.tier;

import java.time.Instant;
import java.time.ZoneOffset;

/** How a membership is paid for: monthly, yearly, or not at all (granted by an editor). */
public enum BillingPeriod {
    MONTHLY, YEARLY, COMPLIMENTARY;

    /** Whether a reader can choose this period at checkout. */
    public boolean isPaid() {
        return this != COMPLIMENTARY;
    }

    /** The end of one paid period that starts at {@code start} (calendar months/years in UTC). */
    public Instant endOfPeriodStartingAt(Instant start) {
        var utc = start.atOffset(ZoneOffset.UTC);
        return switch (this) {
            case MONTHLY -> utc.plusMonths(1).toInstant();
            case YEARLY -> utc.plusYears(1).toInstant();
            case COMPLIMENTARY -> throw new IllegalStateException("a complimentary membership has no paid period");
        };
    }
}
