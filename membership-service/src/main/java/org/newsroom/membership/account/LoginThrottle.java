package org.newsroom.membership.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How many failed sign-ins one account or one address may have in a window before it has to wait.
 * Counted the same whether or not the account exists, so the answer reveals nothing.
 */
public record LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {

    public LoginThrottle {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
    }

    /** Failed attempts counted in a fixed window that opened at {@code windowStart}. */
    public record Failures(int count, Instant windowStart) {

        public static Failures none(Instant now) {
            return new Failures(0, now);
        }
    }

    /** The failures after one more, opening a new window when the old one is over. */
    public Failures afterFailure(Failures current, Instant now) {
        if (current == null || !now.isBefore(current.windowStart().plus(window))) {
            return new Failures(1, now);
        }
        return new Failures(current.count() + 1, current.windowStart());
    }

    /** How long the caller must still wait, or zero when they may try. */
    public Duration waitFor(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count() < limit) {
            return Duration.ZERO;
        }
        Instant reopens = failures.windowStart().plus(window);
        return now.isBefore(reopens) ? Duration.between(now, reopens) : Duration.ZERO;
    }
}
