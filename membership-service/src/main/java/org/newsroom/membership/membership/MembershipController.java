package org.newsroom.membership.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.tier.BillingPeriod;
import org.newsroom.membership.tier.Tiers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A member's own membership: see it, pay for it, cancel it. */
@RestController
class MembershipController {

    private final MemberStore store;
    private final MembershipService memberships;
    private final Checkouts checkouts;
    private final Tiers tiers;
    private final String checkoutUrlTemplate;

    MembershipController(MemberStore store, MembershipService memberships, Checkouts checkouts, Tiers tiers,
            java.time.Clock clock, @Value("${newsroom.payments.checkout-url:/api/memberships/sandbox/checkouts/{id}}") String checkoutUrlTemplate) {
        this.store = store;
        this.memberships = memberships;
        this.checkouts = checkouts;
        this.tiers = tiers;
        this.checkoutUrlTemplate = checkoutUrlTemplate;
        this.clock = clock;
    }

    private final java.time.Clock clock;

    record CheckoutRequest(String tier, String period) {
    }

    record CheckoutStarted(String checkoutId, String checkoutUrl) {
    }

    @GetMapping("/api/memberships/me")
    Mono<MembershipView> me(@AuthenticationPrincipal Jwt jwt) {
        return current(jwt).map(m -> MembershipView.of(m.membership()));
    }

    @PostMapping("/api/memberships/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CheckoutStarted> checkout(@AuthenticationPrincipal Jwt jwt, @RequestBody CheckoutRequest request) {
        List<ProblemException.FieldProblem> errors = new ArrayList<>();
        var tier = tiers.find(request.tier());
        if (tier.isEmpty()) {
            errors.add(new ProblemException.FieldProblem("tier", "must be one of " + tiers.all().stream()
                    .map(t -> t.id()).toList()));
        }
        BillingPeriod period = null;
        if (!"MONTHLY".equals(request.period()) && !"YEARLY".equals(request.period())) {
            errors.add(new ProblemException.FieldProblem("period", "must be MONTHLY or YEARLY"));
        } else {
            period = BillingPeriod.valueOf(request.period());
        }
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.invalid(errors));
        }
        BillingPeriod chosen = period;
        String checkoutId = "co_" + UUID.randomUUID().toString().replace("-", "");
        return current(jwt)
                // the rules first, so a refused checkout leaves nothing behind
                .doOnNext(m -> m.membership().toDomain(m.id(), m.version())
                        .startCheckout(checkoutId, tier.get().id(), chosen, clock.instant()))
                .onErrorMap(MembershipRuleViolation.class, MembershipService::asProblem)
                .flatMap(m -> checkouts.insert(new CheckoutDocument(checkoutId, m.id(), tier.get().id(), chosen,
                        tier.get().price(chosen), tier.get().currency(), clock.instant(), CheckoutDocument.Status.OPEN)))
                .flatMap(c -> memberships.apply(c.memberId(), null,
                        (ms, now) -> ms.startCheckout(checkoutId, c.tier(), c.period(), now)))
                .thenReturn(new CheckoutStarted(checkoutId, checkoutUrlTemplate.replace("{id}", checkoutId)));
    }

    @PostMapping("/api/memberships/me/cancel")
    Mono<MembershipView> cancel(@AuthenticationPrincipal Jwt jwt) {
        return current(jwt).flatMap(m -> memberships.apply(m.id(), null, (ms, now) -> ms.cancel(now)))
                .map(m -> MembershipView.of(m.membership()));
    }

    private Mono<MemberDocument> current(Jwt jwt) {
        return store.findById(jwt.getSubject()).filter(m -> !m.erased())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "Unauthorized", "This account no longer exists.")));
    }
}
