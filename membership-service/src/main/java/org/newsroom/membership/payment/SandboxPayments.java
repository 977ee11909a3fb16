package org.newsroom.membership.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.membership.CheckoutDocument;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the payment provider for the local stack: writes the Stripe event a real payment would
 * cause, signs it with the configured webhook secret and hands it to the same verification and
 * handling as a real webhook.
 */
@Component
public class SandboxPayments {

    private final StripeWebhooks webhooks;
    private final MemberStore store;
    private final JsonMapper json;
    private final Clock clock;

    public SandboxPayments(StripeWebhooks webhooks, MemberStore store, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** An open checkout completes; a paid one gets its next invoice paid (a renewal). */
    public Mono<Void> pay(CheckoutDocument checkout) {
        if (checkout.status() == CheckoutDocument.Status.OPEN) {
            return send("checkout.session.completed", session(checkout));
        }
        return store.findById(checkout.memberId()).flatMap(m -> {
            Instant from = m.membership().currentPeriodEnd() == null ? clock.instant() : m.membership().currentPeriodEnd();
            Instant until = checkout.period().endOfPeriodStartingAt(from.isAfter(clock.instant()) ? from : clock.instant());
            var invoice = invoice(checkout, "subscription_cycle");
            invoice.put("lines", Map.of("data", List.of(Map.of("period",
                    Map.of("start", from.getEpochSecond(), "end", until.getEpochSecond())))));
            return send("invoice.paid", invoice);
        });
    }

    /** An open checkout's payment fails; for a paid one, the next invoice fails (past due). */
    public Mono<Void> fail(CheckoutDocument checkout) {
        if (checkout.status() == CheckoutDocument.Status.OPEN) {
            return send("checkout.session.async_payment_failed", session(checkout));
        }
        return send("invoice.payment_failed", invoice(checkout, "subscription_cycle"));
    }

    public static String customerOf(String memberId) {
        return "cus_sandbox_" + memberId.replace("-", "");
    }

    private Map<String, Object> session(CheckoutDocument checkout) {
        var session = new LinkedHashMap<String, Object>();
        session.put("id", "cs_sandbox_" + checkout.id());
        session.put("object", "checkout.session");
        session.put("client_reference_id", checkout.id());
        session.put("customer", customerOf(checkout.memberId()));
        session.put("subscription", "sub_sandbox_" + checkout.id());
        session.put("mode", "subscription");
        session.put("amount_total", checkout.amount().movePointRight(2).longValue());
        session.put("currency", checkout.currency().toLowerCase(java.util.Locale.ROOT));
        session.put("metadata", Map.of("memberId", checkout.memberId(), "tier", checkout.tier()));
        return session;
    }

    private Map<String, Object> invoice(CheckoutDocument checkout, String billingReason) {
        var invoice = new LinkedHashMap<String, Object>();
        invoice.put("id", "in_sandbox_" + UUID.randomUUID().toString().replace("-", ""));
        invoice.put("object", "invoice");
        invoice.put("customer", customerOf(checkout.memberId()));
        invoice.put("subscription", "sub_sandbox_" + checkout.id());
        invoice.put("billing_reason", billingReason);
        invoice.put("amount_due", checkout.amount().movePointRight(2).longValue());
        invoice.put("currency", checkout.currency().toLowerCase(java.util.Locale.ROOT));
        return invoice;
    }

    private Mono<Void> send(String type, Map<String, Object> object) {
        Instant now = clock.instant();
        var event = new LinkedHashMap<String, Object>();
        event.put("id", "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("type", type);
        event.put("created", now.getEpochSecond());
        event.put("livemode", false);
        event.put("data", Map.of("object", object));
        byte[] body = json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        return webhooks.handle(StripeSignature.sign(body, webhooks.secret(), now), body);
    }
}
