package org.newsroom.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstUpToCapacityThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, Duration.ofSeconds(10), 0);
        assertThat(bucket.take(0).allowed()).isTrue();
        assertThat(bucket.take(0).allowed()).isTrue();
        TokenBucket.Outcome last = bucket.take(0);
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        TokenBucket.Outcome refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void refillsContinuouslyAndSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(1, 1, Duration.ofSeconds(10), 0);
        bucket.take(0);
        assertThat(bucket.take(4 * SECOND).retryAfterSeconds()).isEqualTo(6);
        assertThat(bucket.take(10 * SECOND).allowed()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 5, Duration.ofSeconds(1), 0);
        long later = 3600 * SECOND;
        assertThat(bucket.isFull(later)).isTrue();
        assertThat(bucket.take(later).allowed()).isTrue();
        assertThat(bucket.take(later).allowed()).isTrue();
        assertThat(bucket.take(later).allowed()).isFalse();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        TokenBucket bucket = new TokenBucket(1, 100, Duration.ofSeconds(1), 0);
        bucket.take(0);
        TokenBucket.Outcome refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }
}
