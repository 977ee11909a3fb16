package org.newsroom.article.patron.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * What this service knows of one member's membership, from the membership events, and the rule for
 * whether that member is a patron right now.
 *
 * @param status membership status as carried by the events ({@code ACTIVE}, {@code PAST_DUE}, ...)
 * @param version the membership's version of the last event applied; older or repeated events are dropped
 */
public record PatronStanding(String memberId, String status, String tier, Instant currentPeriodEnd,
                             Instant graceEndsAt, long version) {

    /**
     * Active members are patrons; so are members past due while their grace period lasts, members who
     * cancelled until the end of what they paid for, and complimentary members until their expiry.
     * Everything else (pending, lapsed, ended, unknown) is not.
     */
    public boolean isPatronAt(Instant now) {
        if (status == null) {
            return false;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> true;
            case "PAST_DUE" -> graceEndsAt == null || now.isBefore(graceEndsAt);
            case "CANCELLED" -> currentPeriodEnd != null && now.isBefore(currentPeriodEnd);
            case "COMPLIMENTARY" -> currentPeriodEnd == null || now.isBefore(currentPeriodEnd);
            default -> false;
        };
    }

    /** Whether an event of the given membership version should replace this standing. */
    public boolean isOlderThan(long eventVersion) {
        return version < eventVersion;
    }
}
