package org.newsroom.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The token buckets of one gateway instance, by budget and by who spends it. In memory: with
 * several gateway instances each enforces its own share, which is the price of needing no shared
 * store. Buckets that have refilled completely are forgotten, since a new bucket starts full.
 */
public final class RequestBudgets {

    private static final long SWEEP_INTERVAL_NANOS = 60_000_000_000L;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private final LongSupplier clock;

    private final int maxTrackedKeys;

    private final AtomicLong lastSweep;

    public RequestBudgets(LongSupplier nanoClock, int maxTrackedKeys) {
        this.clock = nanoClock;
        this.maxTrackedKeys = maxTrackedKeys;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    public TokenBucket.Outcome spend(String budgetName, RateLimitSettings.Budget budget, String who) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        TokenBucket bucket = buckets.computeIfAbsent(budgetName + '|' + who,
                key -> new TokenBucket(budget.getCapacity(), budget.getRefillTokens(), budget.getRefillPeriod(), now));
        return bucket.take(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        boolean crowded = buckets.size() >= maxTrackedKeys;
        if ((crowded || now - last >= SWEEP_INTERVAL_NANOS) && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
            if (buckets.size() >= maxTrackedKeys) {
                // Under a flood of distinct keys, forgetting is better than running out of memory.
                buckets.clear();
            }
        }
    }
}
