package org.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.RoutingTest.expectProblem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.gateway.support.GatewayTest;

class AccessTest extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/articles", "/api/articles/a-slug", "/api/tags", "/api/commissions",
            "/api/topics", "/api/topics/t1", "/api/polls", "/api/polls/p1/tally", "/api/polls/p1/ballot-log",
            "/api/polls/p1/receipts/r1", "/api/memberships/tiers", "/api/memberships/stats",
            "/api/auth/jwks.json"})
    void publicReadsNeedNoToken(String path) {
        client.get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void signInPathsAndWebhooksNeedNoToken() {
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
                "/api/webhooks/stripe", "/api/webhooks/patreon")) {
            client.post().uri(path).bodyValue("{}").exchange().expectStatus().isOk();
        }
    }

    @Test
    void everythingElseNeedsAToken() {
        for (String path : List.of("/api/members/me", "/api/memberships/me", "/api/ballots/mine")) {
            expectProblem(client.get().uri(path).exchange(), 401, "unauthorized", path);
            client.get().uri(path).exchange().expectHeader().valueEquals("WWW-Authenticate", "Bearer");
            client.get().uri(path).header("Authorization", bearer(tokens.reader("m-1"))).exchange()
                    .expectStatus().isOk();
        }
        // Writes to otherwise public areas need a token too.
        expectProblem(client.put().uri("/api/polls/p1/ballot").bodyValue("{}").exchange(), 401, "unauthorized",
                "/api/polls/p1/ballot");
        expectProblem(client.post().uri("/api/topics").bodyValue("{}").exchange(), 401, "unauthorized",
                "/api/topics");
        client.put().uri("/api/polls/p1/ballot").header("Authorization", bearer(tokens.reader("m-1")))
                .bodyValue("{}").exchange().expectStatus().isOk();
        assertThat(services.voting.lastSeen().headers().get("authorization")).startsWith("Bearer ");
    }

    @Test
    void badTokensAreRefusedEvenOnPublicPaths() {
        for (String token : List.of(tokens.expired("m-1"), tokens.tampered("m-1"), tokens.fromOtherIssuer("m-1"),
                tokens.unsigned("m-1"), tokens.signedByStranger("m-1"), "not-a-jwt")) {
            for (String path : List.of("/api/members/me", "/api/articles", "/api/admin/members")) {
                expectProblem(client.get().uri(path).header("Authorization", bearer(token)).exchange(), 401,
                        "invalid-token", path);
            }
        }
        client.get().uri("/api/articles").header("Authorization", bearer(tokens.expired("m-1"))).exchange()
                .expectHeader().value("WWW-Authenticate", v -> assertThat(v).contains("invalid_token"));
        assertThat(services.membership.seen()).allMatch(seen -> seen.uri().equals("/.well-known/jwks.json"));
        assertThat(services.article.seen()).isEmpty();
    }

    @Test
    void editorialPathsNeedTheEditorOrAdminRole() {
        for (String path : List.of("/api/editorial/articles", "/api/editorial/topics", "/api/editorial/polls")) {
            expectProblem(client.get().uri(path).exchange(), 401, "unauthorized", path);
            expectProblem(client.get().uri(path).header("Authorization", bearer(tokens.reader("m-1"))).exchange(),
                    403, "forbidden", path);
            client.get().uri(path).header("Authorization", bearer(tokens.editor("e-1"))).exchange()
                    .expectStatus().isOk();
            client.get().uri(path).header("Authorization", bearer(tokens.admin("a-1"))).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void adminPathsNeedAdminOrEditor() {
        String path = "/api/admin/members";
        expectProblem(client.get().uri(path).exchange(), 401, "unauthorized", path);
        expectProblem(client.get().uri(path).header("Authorization", bearer(tokens.reader("m-1"))).exchange(),
                403, "forbidden", path);
        client.get().uri(path).header("Authorization", bearer(tokens.admin("a-1"))).exchange().expectStatus().isOk();
        client.get().uri(path).header("Authorization", bearer(tokens.editor("e-1"))).exchange().expectStatus().isOk();
    }

    @Test
    void refusalsCarrySecurityHeadersAndRequestId() {
        client.get().uri("/api/members/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().exists("X-Request-Id");
    }
}
