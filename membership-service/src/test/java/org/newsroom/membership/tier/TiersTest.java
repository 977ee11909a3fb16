package org.newsroom.membership.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TiersTest {

    private static Tier tier(String id, int weight) {
        return new Tier(id, id, BigDecimal.ONE, BigDecimal.TEN, "EUR", weight);
    }

    @Test
    void findsTiersByIdAndTheirWeight() {
        var tiers = new Tiers(List.of(tier("coffee", 1), tier("champion", 3)));
        assertThat(tiers.find("champion")).map(Tier::weight).contains(3);
        assertThat(tiers.find("gold")).isEmpty();
        assertThat(tiers.find(null)).isEmpty();
        assertThat(tiers.weightOf("coffee")).isEqualTo(1);
        assertThat(tiers.weightOf(null)).isZero();
    }

    @Test
    void refusesDuplicateOrMissingTiers() {
        assertThatThrownBy(() -> new Tiers(List.of(tier("coffee", 1), tier("coffee", 2))))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new Tiers(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonsensicalTiers() {
        assertThatThrownBy(() -> tier("free", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tier("x", "x", BigDecimal.ZERO, BigDecimal.TEN, "EUR", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsEndOnTheSameDayOfTheNextMonthOrYear() {
        var start = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(BillingPeriod.MONTHLY.endOfPeriodStartingAt(start)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(BillingPeriod.YEARLY.endOfPeriodStartingAt(start)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    }
}
