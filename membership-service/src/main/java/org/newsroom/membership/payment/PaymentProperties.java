package org.newsroom.membership.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.payments}: the providers' webhook secrets.
 *
 * @param stripeWebhookSecret the {@code whsec_...} secret Stripe signs with
 * @param stripeTolerance how far a webhook's timestamp may be from now
 * @param patreonWebhookSecret the secret Patreon signs with
 */
@ConfigurationProperties("newsroom.payments")
public record PaymentProperties(String stripeWebhookSecret, @DefaultValue("5m") Duration stripeTolerance,
        String patreonWebhookSecret) {
}
