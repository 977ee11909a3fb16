package org.newsroom.membership.payment;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.membership.CheckoutDocument;
import org.newsroom.membership.membership.Checkouts;
import org.newsroom.membership.membership.MembershipView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The sandbox checkout of the local stack ({@code newsroom.sandbox.enabled}): a member pays or fails
 * their own checkout, and a correctly signed Stripe webhook goes through the real verification.
 */
@RestController
@ConditionalOnProperty(name = "newsroom.sandbox.enabled", havingValue = "true")
class SandboxController {

    private final Checkouts checkouts;
    private final SandboxPayments payments;
    private final MemberStore store;

    SandboxController(Checkouts checkouts, SandboxPayments payments, MemberStore store) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.store = store;
    }

    record SandboxCheckout(String checkoutId, String tier, String period, String amount, String currency,
            CheckoutDocument.Status status, String payUrl, String failUrl) {
    }

    @GetMapping("/api/memberships/sandbox/checkouts/{id}")
    Mono<SandboxCheckout> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return own(jwt, id).map(c -> new SandboxCheckout(c.id(), c.tier(), c.period().name(), c.amount().toPlainString(),
                c.currency(), c.status(), "/api/memberships/sandbox/checkouts/" + id + "/pay",
                "/api/memberships/sandbox/checkouts/" + id + "/fail"));
    }

    @PostMapping("/api/memberships/sandbox/checkouts/{id}/pay")
    Mono<MembershipView> pay(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return own(jwt, id).flatMap(c -> c.status() == CheckoutDocument.Status.FAILED
                ? Mono.<Void>error(ProblemException.conflict("checkout-failed", "This checkout failed; start a new one."))
                : payments.pay(c)).then(membership(jwt));
    }

    @PostMapping("/api/memberships/sandbox/checkouts/{id}/fail")
    Mono<MembershipView> fail(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return own(jwt, id).flatMap(c -> c.status() == CheckoutDocument.Status.FAILED ? Mono.<Void>empty()
                : payments.fail(c)).then(membership(jwt));
    }

    /** Someone else's checkout is answered exactly like one that does not exist. */
    private Mono<CheckoutDocument> own(Jwt jwt, String id) {
        return checkouts.find(id).filter(c -> c.memberId().equals(jwt.getSubject()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no checkout " + id + ".")));
    }

    private Mono<MembershipView> membership(Jwt jwt) {
        return store.findById(jwt.getSubject()).map(m -> MembershipView.of(m.membership()));
    }
}
