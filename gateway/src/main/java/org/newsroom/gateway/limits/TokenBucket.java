package org.newsroom.gateway.limits;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills continuously at
 * {@code refillTokens} per {@code refillPeriod}, and each request takes one. Plain Java, driven by
 * the caller's clock (nanoseconds) so it is tested without waiting.
 */
public final class TokenBucket {

    private final long capacity;

    private final double tokensPerNano;

    private double tokens;

    private long updatedAt;

    public TokenBucket(long capacity, long refillTokens, Duration refillPeriod, long now) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
            throw new IllegalArgumentException("A bucket needs a capacity, tokens to refill and a period");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) refillTokens / refillPeriod.toNanos();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    public synchronized Outcome take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Outcome(true, (long) Math.floor(tokens), Duration.ZERO);
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return new Outcome(false, 0, Duration.ofNanos(waitNanos));
    }

    /** True when the bucket would be full at {@code now}: forgetting it changes nothing. */
    public synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }

    /** What a request got: allowed or not, what is left, and how long to wait when refused. */
    public record Outcome(boolean allowed, long remaining, Duration retryAfter) {

        /** Whole seconds to wait, rounded up, at least one: the value of {@code Retry-After}. */
        public long retryAfterSeconds() {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            return Math.max(1, seconds);
        }
    }
}
