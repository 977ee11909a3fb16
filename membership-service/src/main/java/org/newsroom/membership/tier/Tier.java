package org.newsroom.membership.tier;

import java.math.BigDecimal;
import java.util.Objects;

/** A paid membership tier: what a patron pays and how much their vote weighs. */
public record Tier(String id, String name, BigDecimal monthlyPrice, BigDecimal yearlyPrice, String currency, int weight) {

    public Tier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        Objects.requireNonNull(yearlyPrice, "yearlyPrice");
        Objects.requireNonNull(currency, "currency");
        if (id.isBlank()) {
            throw new IllegalArgumentException("tier id must not be blank");
        }
        if (monthlyPrice.signum() <= 0 || yearlyPrice.signum() <= 0) {
            throw new IllegalArgumentException("tier " + id + " must have positive prices");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("tier " + id + " must have a weight of at least 1");
        }
    }

    public BigDecimal price(BillingPeriod period) {
        return period == BillingPeriod.YEARLY ? yearlyPrice : monthlyPrice;
    }
}
