package org.newsroom.membership.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.account.Registration;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.membership.EndReason;
import org.newsroom.membership.membership.MembershipService;
import org.newsroom.membership.tier.BillingPeriod;
import org.newsroom.membership.tier.Tier;
import org.newsroom.membership.tier.Tiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patreon's webhooks ({@code members:pledge:create|update|delete}), matched to members by email. The
 * pledged amount picks the highest tier it pays for. Patreon sends no event id, so the signed body
 * and its event type identify an event: the same webhook twice changes nothing.
 */
@Component
public class PatreonWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PatreonWebhooks.class);

    private final PaymentProperties properties;
    private final JsonMapper json;
    private final MemberStore store;
    private final MembershipService memberships;
    private final Tiers tiers;
    private final Clock clock;

    public PatreonWebhooks(PaymentProperties properties, JsonMapper json, MemberStore store,
            MembershipService memberships, Tiers tiers, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.store = store;
        this.memberships = memberships;
        this.tiers = tiers;
        this.clock = clock;
    }

    public Mono<Void> handle(String signature, String eventType, byte[] body) {
        String secret = properties.patreonWebhookSecret();
        try {
            if (secret == null || secret.isBlank()) {
                throw new WebhookSignatureException("no Patreon webhook secret configured");
            }
            PatreonSignature.verify(signature, body, secret);
        } catch (WebhookSignatureException e) {
            return Mono.error(ProblemException.badRequest("invalid-signature", "The webhook signature is not valid."));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            return Mono.error(ProblemException.badRequest("malformed-request", "The webhook body is not JSON."));
        }
        if (eventType == null) {
            return Mono.empty();
        }
        JsonNode attributes = root.path("data").path("attributes");
        String email = Registration.normaliseEmail(text(attributes, "email"));
        if (email == null) {
            email = Registration.normaliseEmail(userEmail(root));
        }
        if (email == null) {
            return Mono.empty();
        }
        String eventId = "patreon:" + sha256(eventType + "\n" + new String(body, StandardCharsets.UTF_8));
        return switch (eventType) {
            case "members:pledge:create", "members:pledge:update" -> {
                long cents = attributes.path("currently_entitled_amount_cents").asLong(
                        attributes.path("pledge_amount_cents").asLong(0));
                Optional<Tier> tier = tierFor(cents);
                if (tier.isEmpty()) {
                    log.info("Patreon pledge of {} cents pays for no tier; ignored", cents);
                    yield Mono.empty();
                }
                Instant until = nextCharge(attributes).orElseGet(
                        () -> BillingPeriod.MONTHLY.endOfPeriodStartingAt(clock.instant()));
                yield apply(email, eventId, tier.get().id(), until);
            }
            case "members:pledge:delete" -> store.findByEmail(email)
                    .flatMap(m -> memberships.apply(m.id(), eventId, (ms, now) -> ms.endNow(EndReason.PLEDGE_DELETED)))
                    .then();
            default -> Mono.empty();
        };
    }

    private Mono<Void> apply(String email, String eventId, String tier, Instant until) {
        return store.findByEmail(email)
                .flatMap(m -> memberships.apply(m.id(), eventId,
                        (ms, now) -> ms.pledged(tier, BillingPeriod.MONTHLY, until, now)))
                .onErrorMap(org.newsroom.membership.membership.MembershipRuleViolation.class, MembershipService::asProblem)
                .then();
    }

    /** The highest tier whose monthly price the pledge covers. */
    Optional<Tier> tierFor(long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents).movePointLeft(2);
        return tiers.all().stream().filter(t -> t.monthlyPrice().compareTo(amount) <= 0)
                .max(Comparator.comparing(Tier::monthlyPrice));
    }

    private static Optional<Instant> nextCharge(JsonNode attributes) {
        String next = text(attributes, "next_charge_date");
        if (next == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(next).toInstant());
        } catch (RuntimeException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(next).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            } catch (RuntimeException ignored) {
                return Optional.empty();
            }
        }
    }

    private static String userEmail(JsonNode root) {
        for (JsonNode included : root.path("included")) {
            if ("user".equals(text(included, "type"))) {
                return text(included.path("attributes"), "email");
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
