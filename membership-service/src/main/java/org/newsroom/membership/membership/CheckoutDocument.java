package org.newsroom.membership.membership;

import java.math.BigDecimal;
import java.time.Instant;

import org.newsroom.membership.tier.BillingPeriod;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A checkout a member started: what they chose to pay, and whether the provider has said how it went. */
@Document(CheckoutDocument.COLLECTION)
public record CheckoutDocument(@Id String id, String memberId, String tier, BillingPeriod period, BigDecimal amount,
        String currency, Instant createdAt, Status status) {

    public static final String COLLECTION = "checkouts";

    public enum Status {
        OPEN, PAID, FAILED
    }
}
