package org.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.RoutingTest.expectProblem;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.support.GatewayTest;
import org.springframework.test.context.TestPropertySource;

/** Each test spends from its own addresses and members, so the budgets do not leak between tests. */
@TestPropertySource(properties = {
        "newsroom.gateway.trusted-proxies=127.0.0.1",
        "newsroom.gateway.rate-limits.general.capacity=5",
        "newsroom.gateway.rate-limits.general.refill-tokens=5",
        "newsroom.gateway.rate-limits.general.refill-period=1h",
        "newsroom.gateway.rate-limits.rules.login.capacity=2",
        "newsroom.gateway.rate-limits.rules.login.refill-tokens=1",
        "newsroom.gateway.rate-limits.rules.login.refill-period=30s",
        "newsroom.gateway.rate-limits.rules.ballots.capacity=2",
        "newsroom.gateway.rate-limits.rules.ballots.refill-tokens=2",
        "newsroom.gateway.rate-limits.rules.ballots.refill-period=1h"})
class RateLimitTest extends GatewayTest {

    @Test
    void loginFloodFromOneAddressGetsTooManyRequestsWithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            login("198.51.100.1").expectStatus().isOk();
        }
        expectProblem(login("198.51.100.1"), 429, "too-many-requests", "/api/auth/login");
        login("198.51.100.1").expectHeader().value("Retry-After",
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L));
        assertThat(services.membership.seen()).hasSize(2);
        // Another client behind the same trusted proxy has its own budget.
        login("198.51.100.2").expectStatus().isOk();
    }

    @Test
    void servicesAreToldTheClientAddressTheGatewayBelieved() {
        // The peer (127.0.0.1) is a trusted proxy, so its X-Forwarded-For is read from the right:
        // 198.51.100.7 is the first hop it does not trust, the client; what a client wrote before it is not believed.
        login("203.0.113.9, 198.51.100.7").expectStatus().isOk();
        assertThat(services.membership.lastSeen().headers()).containsEntry("x-forwarded-for", "198.51.100.7");

        client.get().uri("/api/articles").exchange().expectStatus().isOk();
        assertThat(services.article.lastSeen().headers()).containsEntry("x-forwarded-for", "127.0.0.1");
    }

    @Test
    void generalBudgetIsPerMember() {
        String alice = bearer(tokens.reader("alice"));
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/articles").header("Authorization", alice)
                    .header("X-Forwarded-For", "198.51.100.10").exchange().expectStatus().isOk();
        }
        client.get().uri("/api/articles").header("Authorization", alice)
                .header("X-Forwarded-For", "198.51.100.11").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        // Bob, from the very same address, is not held back by Alice.
        client.get().uri("/api/articles").header("Authorization", bearer(tokens.reader("bob")))
                .header("X-Forwarded-For", "198.51.100.10").exchange().expectStatus().isOk();
    }

    @Test
    void generalBudgetIsPerAddressForAnonymousReaders() {
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/articles").header("X-Forwarded-For", "198.51.100.20").exchange()
                    .expectStatus().isOk();
        }
        expectProblem(client.get().uri("/api/articles").header("X-Forwarded-For", "198.51.100.20").exchange(),
                429, "too-many-requests", "/api/articles");
        client.get().uri("/api/articles").header("X-Forwarded-For", "198.51.100.21").exchange()
                .expectStatus().isOk();
        // The service is told the client the gateway believed, not the proxies in between.
        assertThat(services.article.lastSeen().headers().get("x-forwarded-for")).isEqualTo("198.51.100.21");
    }

    @Test
    void ballotsHaveATighterBudgetPerMember() {
        String carol = bearer(tokens.reader("carol"));
        for (int i = 0; i < 2; i++) {
            client.put().uri("/api/polls/p1/ballot").header("Authorization", carol).bodyValue("{}").exchange()
                    .expectStatus().isOk();
        }
        expectProblem(client.put().uri("/api/polls/p1/ballot").header("Authorization", carol).bodyValue("{}")
                .exchange(), 429, "too-many-requests", "/api/polls/p1/ballot");
        client.put().uri("/api/polls/p1/ballot").header("Authorization", bearer(tokens.reader("dave")))
                .bodyValue("{}").exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String address) {
        return client.post().uri("/api/auth/login").header("X-Forwarded-For", address)
                .bodyValue("{\"email\":\"r@example.org\",\"password\":\"x\"}").exchange();
    }
}
