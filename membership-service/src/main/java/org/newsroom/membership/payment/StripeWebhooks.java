package org.newsroom.membership.payment;

import java.time.Clock;
import java.time.Instant;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberChange;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.membership.CheckoutDocument;
import org.newsroom.membership.membership.Checkouts;
import org.newsroom.membership.membership.EndReason;
import org.newsroom.membership.membership.Membership;
import org.newsroom.membership.membership.MembershipService;
import org.newsroom.membership.membership.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks: the signature is checked over the raw body before anything is read; each
 * event id changes a member at most once; types not handled here are acknowledged and ignored.
 */
@Component
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentProperties properties;
    private final JsonMapper json;
    private final MemberStore store;
    private final MembershipService memberships;
    private final Checkouts checkouts;
    private final Clock clock;

    public StripeWebhooks(PaymentProperties properties, JsonMapper json, MemberStore store,
            MembershipService memberships, Checkouts checkouts, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.store = store;
        this.memberships = memberships;
        this.checkouts = checkouts;
        this.clock = clock;
    }

    public String secret() {
        return properties.stripeWebhookSecret();
    }

    public Mono<Void> handle(String signature, byte[] body) {
        try {
            StripeSignature.verify(signature, body, requireSecret(), clock.instant(), properties.stripeTolerance());
        } catch (WebhookSignatureException e) {
            return Mono.error(ProblemException.badRequest("invalid-signature", "The webhook signature is not valid."));
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (RuntimeException e) {
            return Mono.error(ProblemException.badRequest("malformed-request", "The webhook body is not JSON."));
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null) {
            return Mono.error(ProblemException.badRequest("malformed-request", "A Stripe event has an id and a type."));
        }
        String eventId = "stripe:" + id;
        return switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(eventId, object);
            case "checkout.session.async_payment_failed", "checkout.session.expired" -> checkoutFailed(eventId, object);
            case "invoice.paid" -> "subscription_create".equals(text(object, "billing_reason")) ? Mono.empty()
                    : byCustomer(eventId, object, (m, now) -> m.renewalPaid(paidUntil(object), now));
            case "invoice.payment_failed" -> byCustomer(eventId, object,
                    (m, now) -> m.paymentFailed(now, memberships.grace()));
            case "customer.subscription.deleted" -> byCustomer(eventId, object, (m, now) -> m.subscriptionEnded(now));
            case "charge.refunded" -> byCustomer(eventId, object, (m, now) -> m.endNow(
                    "fraudulent".equals(text(object.path("refunds").path("data").path(0), "reason"))
                            || "fraudulent".equals(text(object, "refund_reason")) ? EndReason.FRAUD : EndReason.REFUNDED));
            default -> {
                log.debug("Ignoring Stripe event type {}", type);
                yield Mono.empty();
            }
        };
    }

    private Mono<Void> checkoutCompleted(String eventId, JsonNode session) {
        String checkoutId = text(session, "client_reference_id");
        String customer = text(session, "customer");
        var paid = new java.util.concurrent.atomic.AtomicBoolean();
        return checkout(checkoutId).flatMap(c -> store.update(c.memberId(), doc -> {
            MemberChange change = memberships.change(doc, eventId, (m, now) -> m.checkoutPaid(checkoutId, null, now));
            paid.set(!change.isNone());
            if (change.isNone() || customer == null) {
                return change;
            }
            return new MemberChange(change.next().withStripeCustomerId(customer), change.events());
        }).flatMap(doc -> paid.get() ? checkouts.mark(checkoutId, CheckoutDocument.Status.PAID) : Mono.empty()))
                .onErrorMap(org.newsroom.membership.membership.MembershipRuleViolation.class, MembershipService::asProblem);
    }

    private Mono<Void> checkoutFailed(String eventId, JsonNode session) {
        String checkoutId = text(session, "client_reference_id");
        return checkout(checkoutId).flatMap(c -> memberships.apply(c.memberId(), eventId,
                (m, now) -> m.checkoutFailed(checkoutId))
                .then(c.status() == CheckoutDocument.Status.OPEN ? checkouts.mark(checkoutId, CheckoutDocument.Status.FAILED)
                        : Mono.empty()));
    }

    private Mono<CheckoutDocument> checkout(String checkoutId) {
        if (checkoutId == null) {
            return Mono.empty();
        }
        return checkouts.find(checkoutId).doOnSuccess(c -> {
            if (c == null) {
                log.info("Stripe event for unknown checkout {} ignored", checkoutId);
            }
        });
    }

    private Mono<Void> byCustomer(String eventId, JsonNode object,
            java.util.function.BiFunction<Membership, Instant, Transition> operation) {
        String customer = text(object, "customer");
        if (customer == null) {
            return Mono.empty();
        }
        return store.findByStripeCustomer(customer)
                .flatMap((MemberDocument m) -> memberships.apply(m.id(), eventId, operation))
                .then();
    }

    private static Instant paidUntil(JsonNode invoice) {
        JsonNode end = invoice.path("lines").path("data").path(0).path("period").path("end");
        if (!end.isNumber()) {
            end = invoice.path("period_end");
        }
        return end.isNumber() ? Instant.ofEpochSecond(end.asLong()) : null;
    }

    private String requireSecret() {
        String secret = properties.stripeWebhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new WebhookSignatureException("no Stripe webhook secret configured");
        }
        return secret;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
