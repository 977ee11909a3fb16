package org.newsroom.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RequestBudgetsTest {

    private final AtomicLong now = new AtomicLong();

    private final RateLimitSettings.Budget twoPerMinute = new RateLimitSettings.Budget(2, 2, Duration.ofMinutes(1));

    @Test
    void eachSpenderHasTheirOwnBucketPerBudget() {
        RequestBudgets budgets = new RequestBudgets(now::get, 1000);
        assertThat(budgets.spend("login", twoPerMinute, "address:a").allowed()).isTrue();
        assertThat(budgets.spend("login", twoPerMinute, "address:a").allowed()).isTrue();
        assertThat(budgets.spend("login", twoPerMinute, "address:a").allowed()).isFalse();
        assertThat(budgets.spend("login", twoPerMinute, "address:b").allowed()).isTrue();
        assertThat(budgets.spend("general", twoPerMinute, "address:a").allowed()).isTrue();
    }

    @Test
    void forgetsBucketsThatHaveRefilled() {
        RequestBudgets budgets = new RequestBudgets(now::get, 1000);
        budgets.spend("login", twoPerMinute, "address:a");
        budgets.spend("login", twoPerMinute, "address:b");
        assertThat(budgets.trackedKeys()).isEqualTo(2);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        budgets.spend("login", twoPerMinute, "address:c");
        assertThat(budgets.trackedKeys()).isEqualTo(1);
    }

    @Test
    void stayWithinTheTrackedKeyBound() {
        RequestBudgets budgets = new RequestBudgets(now::get, 100);
        for (int i = 0; i < 1000; i++) {
            budgets.spend("general", twoPerMinute, "address:" + i);
        }
        assertThat(budgets.trackedKeys()).isLessThanOrEqualTo(100);
    }
}
