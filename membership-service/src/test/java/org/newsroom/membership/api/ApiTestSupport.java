package org.newsroom.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.defaults.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service against the real broker and MongoDB-wire server, with a clock tests can move. */
@ServiceTest
@Import(ApiTestSupport.Clocks.class)
@TestPropertySource(properties = {
        "newsroom.sandbox.enabled=true",
        "newsroom.membership.schedule-interval=1h",
        "newsroom.auth.first-admin.email=first-admin@newsroom.test",
        "newsroom.auth.first-admin.password=first-admin-password",
        "newsroom.payments.stripe-webhook-secret=whsec_test",
        "newsroom.payments.patreon-webhook-secret=patreon_test" })
abstract class ApiTestSupport {

    static final String TOPIC = "newsroom.membership.v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    record Account(String id, String email, String password, String accessToken, String refreshToken) {
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Account registerAndLogin(String name) {
        String email = uniqueEmail(name);
        String password = "password-of-" + name;
        JsonNode registered = json(web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        JsonNode tokens = login(email, password);
        return new Account(registered.get("id").asString(), email, password, tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString());
    }

    JsonNode login(String email, String password) {
        return json(web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    String bearer(Account a) {
        return "Bearer " + a.accessToken();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    JsonNode getJson(String uri, Account as) {
        return json(web.get().uri(uri).header("Authorization", bearer(as)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** Starts a checkout and pays it in the sandbox; returns the checkout id. */
    String becomePatron(Account a, String tier) {
        String checkoutId = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", tier, "period", "MONTHLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("checkoutId").asString();
        web.post().uri("/api/memberships/sandbox/checkouts/{id}/pay", checkoutId).header("Authorization", bearer(a))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        return checkoutId;
    }

    static List<ConsumerRecord<String, byte[]>> eventsOf(String memberId, int atLeast) {
        return KafkaProbe.read(TOPIC, KafkaProbe.withKey(memberId), atLeast, Duration.ofSeconds(20));
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    static void assertProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/" + type)
                .jsonPath("$.status").isEqualTo(status);
    }

    static void assertNoEventsBeyond(String memberId, int count) {
        var all = KafkaProbe.readFor(TOPIC, KafkaProbe.withKey(memberId), Duration.ofSeconds(2));
        assertThat(all).hasSize(count);
    }
}
