package org.newsroom.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventContracts;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.membership.membership.LifecycleScheduler;
import org.newsroom.membership.payment.StripeSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class MembershipFlowApiTest extends ApiTestSupport {

    static final EventContracts CONTRACTS = EventContracts.load();
    static final List<String> CE = List.of("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time", "ce_subject");

    @Autowired
    LifecycleScheduler scheduler;

    static void assertKeepsTheContract(ConsumerRecord<String, byte[]> record) {
        String type = KafkaProbe.header(record, "ce_type");
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsKeys(CE.toArray(String[]::new));
        assertThat(headers).containsEntry("ce_source", "/newsroom/membership-service")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_subject", record.key())
                .containsEntry("content-type", "application/json");
        CONTRACTS.assertValidHeaders(type, headers);
        CONTRACTS.assertValid(type, KafkaProbe.value(record));
        assertThat(KafkaProbe.value(record)).doesNotContain("password", "@example.org", "cus_");
    }

    @Test
    void aReaderChecksOutPaysInTheSandboxAndIsAnActivePatronWhoseEventsAreOnTheTopic() {
        Account a = registerAndLogin("patron");
        web.get().uri("/api/memberships/me").header("Authorization", bearer(a)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("NONE");

        var started = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "co-creator", "period", "YEARLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String checkoutId = started.get("checkoutId").asString();
        assertThat(started.get("checkoutUrl").asString()).contains(checkoutId);
        web.get().uri("/api/memberships/me").header("Authorization", bearer(a)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.tier").isEqualTo("co-creator");

        web.post().uri("/api/memberships/sandbox/checkouts/{id}/pay", checkoutId).header("Authorization", bearer(a))
                .exchange().expectStatus().isOk();
        var me = getJson("/api/memberships/me", a);
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("tier").asString()).isEqualTo("co-creator");
        assertThat(me.get("period").asString()).isEqualTo("YEARLY");
        assertThat(Instant.parse(me.get("currentPeriodEnd").asString()))
                .isAfter(clock.instant().plus(Duration.ofDays(364)));

        var records = eventsOf(a.id(), 2);
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1");
        records.forEach(MembershipFlowApiTest::assertKeepsTheContract);
        var activated = json(KafkaProbe.value(records.get(1)));
        assertThat(activated.get("weight").asInt()).isEqualTo(2);
        assertThat(activated.get("tier").asString()).isEqualTo("Co-creator");
        assertThat(activated.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.get("version").asLong()).isGreaterThan(json(KafkaProbe.value(records.get(0))).get("version").asLong());
    }

    @Test
    void aFailedPaymentMakesThePatronPastDueAndTheyLapseWhenGraceEndsUnpaid() {
        Account a = registerAndLogin("late-payer");
        String checkoutId = becomePatron(a, "coffee");
        web.post().uri("/api/memberships/sandbox/checkouts/{id}/fail", checkoutId).header("Authorization", bearer(a))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAST_DUE");
        var me = getJson("/api/memberships/me", a);
        Instant graceEnds = Instant.parse(me.get("graceEndsAt").asString());
        assertThat(Duration.between(clock.instant(), graceEnds)).isBetween(Duration.ofDays(7).minusMinutes(1),
                Duration.ofDays(7).plusMinutes(1));

        clock.advance(Duration.ofDays(6));
        scheduler.runDue().block();
        Account again = relogin(a);
        assertThat(getJson("/api/memberships/me", again).get("status").asString()).isEqualTo("PAST_DUE");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(scheduler.runDue().block()).isGreaterThanOrEqualTo(1L);
        again = relogin(a);
        assertThat(getJson("/api/memberships/me", again).get("status").asString()).isEqualTo("LAPSED");
        assertThat(scheduler.runDue().block()).isZero();

        var records = eventsOf(a.id(), 4);
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.past-due.v1",
                "org.newsroom.membership.ended.v1");
        records.forEach(MembershipFlowApiTest::assertKeepsTheContract);
        assertThat(json(KafkaProbe.value(records.get(3))).get("reason").asString()).isEqualTo("LAPSED");
        assertThat(json(KafkaProbe.value(records.get(3))).get("status").asString()).isEqualTo("LAPSED");
    }

    @Test
    void aRenewalPaymentRenewsAndCancellingRunsToThePeriodEnd() {
        Account a = registerAndLogin("renewer");
        String checkoutId = becomePatron(a, "champion");
        Instant firstEnd = Instant.parse(getJson("/api/memberships/me", a).get("currentPeriodEnd").asString());
        web.post().uri("/api/memberships/sandbox/checkouts/{id}/pay", checkoutId).header("Authorization", bearer(a))
                .exchange().expectStatus().isOk();
        Instant secondEnd = Instant.parse(getJson("/api/memberships/me", a).get("currentPeriodEnd").asString());
        assertThat(secondEnd).isAfter(firstEnd.plus(Duration.ofDays(27)));

        web.post().uri("/api/memberships/me/cancel").header("Authorization", bearer(a)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        clock.advance(Duration.between(clock.instant(), secondEnd).plusSeconds(1));
        scheduler.runDue().block();
        Account again = relogin(a);
        assertThat(getJson("/api/memberships/me", again).get("status").asString()).isEqualTo("ENDED");

        var records = eventsOf(a.id(), 4);
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.renewed.v1",
                "org.newsroom.membership.ended.v1");
        records.forEach(MembershipFlowApiTest::assertKeepsTheContract);
        assertThat(json(KafkaProbe.value(records.get(3))).get("reason").asString()).isEqualTo("CANCELLED");
        // nothing to cancel any more
        assertProblem(web.post().uri("/api/memberships/me/cancel").header("Authorization", bearer(again)).exchange(),
                409, "not-cancellable");
    }

    @Test
    void aPatronWhoPaysForAnotherTierChangesTier() {
        Account a = registerAndLogin("upgrader");
        becomePatron(a, "coffee");
        becomePatronAgain(a, "champion");
        var me = getJson("/api/memberships/me", a);
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("tier").asString()).isEqualTo("champion");
        var records = eventsOf(a.id(), 3);
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.tier-changed.v1");
        records.forEach(MembershipFlowApiTest::assertKeepsTheContract);
        var changed = json(KafkaProbe.value(records.get(2)));
        assertThat(changed.get("previousTier").asString()).isEqualTo("Coffee");
        assertThat(changed.get("tier").asString()).isEqualTo("Champion");
        assertThat(changed.get("weight").asInt()).isEqualTo(3);
    }

    private void becomePatronAgain(Account a, String tier) {
        String checkoutId = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", tier, "period", "MONTHLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("checkoutId").asString();
        web.post().uri("/api/memberships/sandbox/checkouts/{id}/pay", checkoutId).header("Authorization", bearer(a))
                .exchange().expectStatus().isOk();
    }

    @Test
    void badCheckoutsAreProblemsAndLeaveNothingBehind() {
        Account a = registerAndLogin("careless");
        web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "gold", "period", "WEEKLY"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'tier')]").exists()
                .jsonPath("$.errors[?(@.field == 'period')]").exists();
        assertProblem(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange(), 400, "malformed-request");
        assertThat(getJson("/api/memberships/me", a).get("status").asString()).isEqualTo("NONE");
    }

    @Test
    void aWebhookWithABadSignatureIs400AndChangesNothing() {
        Account a = registerAndLogin("forged");
        String checkoutId = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "coffee", "period", "MONTHLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("checkoutId").asString();
        byte[] body = completed("evt_forged_" + checkoutId, checkoutId);
        for (String signature : new String[] {null, "t=1,v1=00", StripeSignature.sign(body, "whsec_wrong", clock.instant()),
                StripeSignature.sign(body, "whsec_test", clock.instant().minus(Duration.ofMinutes(6)))}) {
            var spec = web.post().uri("/api/webhooks/stripe").contentType(MediaType.APPLICATION_JSON);
            if (signature != null) {
                spec = spec.header("Stripe-Signature", signature);
            }
            assertProblem(spec.bodyValue(body).exchange(), 400, "invalid-signature");
        }
        assertThat(getJson("/api/memberships/me", a).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aReplayedWebhookChangesNothingAndUnknownTypesAreAcknowledged() {
        Account a = registerAndLogin("replayed");
        String checkoutId = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "coffee", "period", "MONTHLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("checkoutId").asString();
        byte[] body = completed("evt_once_" + checkoutId, checkoutId);
        String signature = StripeSignature.sign(body, "whsec_test", clock.instant());
        for (int i = 0; i < 3; i++) {
            web.post().uri("/api/webhooks/stripe").header("Stripe-Signature", signature)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        }
        assertThat(getJson("/api/memberships/me", a).get("status").asString()).isEqualTo("ACTIVE");

        byte[] failed = ("{\"id\":\"evt_fail_" + checkoutId + "\",\"type\":\"invoice.payment_failed\",\"data\":{\"object\":"
                + "{\"customer\":\"cus_replay_" + checkoutId + "\"}}}").getBytes(StandardCharsets.UTF_8);
        String failedSignature = StripeSignature.sign(failed, "whsec_test", clock.instant());
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/webhooks/stripe").header("Stripe-Signature", failedSignature)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(failed).exchange().expectStatus().isOk();
        }
        byte[] unknown = "{\"id\":\"evt_x\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}".getBytes(StandardCharsets.UTF_8);
        web.post().uri("/api/webhooks/stripe").header("Stripe-Signature", StripeSignature.sign(unknown, "whsec_test",
                clock.instant())).contentType(MediaType.APPLICATION_JSON).bodyValue(unknown).exchange().expectStatus().isOk();

        var records = KafkaProbe.readFor(TOPIC, KafkaProbe.withKey(a.id()), Duration.ofSeconds(3));
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.past-due.v1");
    }

    private byte[] completed(String eventId, String checkoutId) {
        return ("{\"id\":\"" + eventId + "\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{"
                + "\"client_reference_id\":\"" + checkoutId + "\",\"customer\":\"cus_replay_" + checkoutId + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Account relogin(Account a) {
        var tokens = login(a.email(), a.password());
        return new Account(a.id(), a.email(), a.password(), tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString());
    }
}
