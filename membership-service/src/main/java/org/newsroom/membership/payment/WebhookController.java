package org.newsroom.membership.payment;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Payment providers' webhooks: public, trusted only through their signatures. */
@RestController
class WebhookController {

    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private final StripeWebhooks stripe;
    private final PatreonWebhooks patreon;

    WebhookController(StripeWebhooks stripe, PatreonWebhooks patreon) {
        this.stripe = stripe;
        this.patreon = patreon;
    }

    @PostMapping("/api/webhooks/stripe")
    Mono<Map<String, Boolean>> stripe(@RequestHeader(name = StripeSignature.HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return stripe.handle(signature, body == null ? new byte[0] : body).thenReturn(RECEIVED);
    }

    @PostMapping("/api/webhooks/patreon")
    Mono<Map<String, Boolean>> patreon(
            @RequestHeader(name = PatreonSignature.HEADER, required = false) String signature,
            @RequestHeader(name = "X-Patreon-Event", required = false) String event,
            @RequestBody(required = false) byte[] body) {
        return patreon.handle(signature, event, body == null ? new byte[0] : body).thenReturn(RECEIVED);
    }
}
