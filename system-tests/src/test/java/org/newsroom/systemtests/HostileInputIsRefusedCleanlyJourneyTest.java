package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.localstack.Part;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * Journey 5: hostile input. Bad tokens, another member's data, oversized and malformed bodies, unknown paths,
 * a flood of logins and a stopped service each get a clean problem answer; no service answers with a 5xx.
 */
@ExtendWith(NewsroomStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIsRefusedCleanlyJourneyTest {

    private static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

    private static Running stack;
    private static final List<Gateway> clients = new ArrayList<>();
    private static Person mallory;
    private static Person victim;

    @BeforeAll
    static void twoMembers(Running running) {
        stack = running;
        mallory = Person.registerReader(client(), "Mallory Meddler");
        victim = Person.registerReader(client(), "Victor Victim");
    }

    private static Gateway client() {
        Gateway gateway = Gateway.fromNewAddress(stack.gatewayUrl());
        clients.add(gateway);
        return gateway;
    }

    /** The 503s of the stopped service are the gateway's own answer, by design; nothing else may be 5xx. */
    @AfterAll
    static void noServiceFailed() {
        for (Gateway gateway : clients) {
            gateway.assertNoServerErrors(a -> a.status() == 503 && a.body().contains("problems/service-unavailable"));
        }
    }

    @Test
    @Order(1)
    void badTokensAreRefusedWith401() {
        Gateway gateway = client();
        ForgedTokens forged = new ForgedTokens(mallory.token());

        gateway.get("/api/members/me").expectProblem(401, "unauthorized");
        Map<String, String> bad = Map.of(
                "garbage", "not.a.token",
                "roles changed under the real signature", forged.withRolesChanged(),
                "alg none", forged.unsigned(),
                "signed with another key", forged.signedWithAnotherKey(),
                "another issuer", forged.fromAnotherIssuer(),
                "expired", forged.expired(),
                "a refresh token", mallory.refreshToken());
        bad.forEach((what, token) -> {
            for (String path : List.of("/api/members/me", "/api/memberships/me", "/api/ballots/mine",
                    "/api/admin/members", "/api/articles")) {
                Answer answer = gateway.get(path, token);
                assertThat(answer.status()).as("%s with %s: %s", path, what, answer.body()).isEqualTo(401);
                answer.expectProblem(401, "invalid-token");
            }
        });
        // the real token still works, and gives no more than the reader's role
        mallory.get("/api/members/me").expect(200);
        mallory.get("/api/admin/members").expectProblem(403, "forbidden");
        mallory.post("/api/editorial/articles", Map.of("title", "Mine now")).expectProblem(403, "forbidden");
        mallory.post("/api/editorial/polls/demo-poll-1/close", null).expectProblem(403, "forbidden");
        gateway.send("POST", "/api/editorial/topics/demo-topic-4/approve", null, null, Map.of())
                .expectProblem(401, "unauthorized");
    }

    @Test
    @Order(2)
    void anotherMembersDataIsOutOfReach() {
        String victimsCheckout = victim.post("/api/memberships/checkout", Map.of("tier", "coffee", "period", "MONTHLY"))
                .expect(201).text("$.checkoutId");

        mallory.get("/api/memberships/sandbox/checkouts/" + victimsCheckout).expectProblem(404);
        mallory.post("/api/memberships/sandbox/checkouts/" + victimsCheckout + "/pay", null).expectProblem(404);
        mallory.post("/api/memberships/sandbox/checkouts/" + victimsCheckout + "/fail", null).expectProblem(404);
        assertThat(victim.get("/api/memberships/me").expect(200).text("$.status")).isEqualTo("PENDING");

        Answer admin = mallory.get("/api/admin/members/" + victim.id());
        assertThat(admin.status()).as(admin.toString()).isIn(403, 404);
        admin.expectProblem(admin.status());
        mallory.post("/api/admin/members/" + mallory.id() + "/roles", Map.of("roles", List.of("ADMIN")))
                .expectProblem(403, "forbidden");
        // "me" is always the member the token names
        assertThat(mallory.get("/api/members/me").expect(200).text("$.email")).isEqualTo(mallory.email());
        assertThat(mallory.get("/api/members/me/export").expect(200).body()).doesNotContain(victim.email());
        // erasing needs the member's own password
        Answer erase = mallory.gateway().delete("/api/members/me", mallory.token(), Map.of("password", victim.password() + "x"));
        assertThat(erase.status()).as(erase.toString()).isBetween(400, 499);
        mallory.get("/api/members/me").expect(200);
        victim.get("/api/members/me").expect(200);
    }

    @Test
    @Order(3)
    void oversizedBodiesAre413() throws Exception {
        Gateway gateway = client();
        String big = "{\"title\":\"" + "a".repeat(OVER_THE_LIMIT) + "\"}";
        gateway.send("POST", "/api/auth/register", null, big, Map.of()).expectProblem(413, "payload-too-large");
        mallory.gateway().send("POST", "/api/topics", mallory.token(), big, Map.of())
                .expectProblem(413, "payload-too-large");

        // the same without a declared length: streamed in chunks
        HttpResponse<String> chunked = gateway.http().send(gateway.request("/api/auth/register", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        new Answer("POST", "/api/auth/register (chunked)", chunked.statusCode(), chunked.headers(), chunked.body())
                .expectProblem(413, "payload-too-large");
    }

    @Test
    @Order(4)
    void malformedBodiesAre400() {
        Gateway gateway = client();
        for (String body : List.of("{\"email\":", "not json at all", "[1,2,3]", "{\"email\": {\"$gt\": \"\"}}")) {
            Answer register = gateway.send("POST", "/api/auth/register", null, body, Map.of());
            assertThat(register.status()).as(register.toString()).isEqualTo(400);
            register.expectProblem(400);
            Answer login = gateway.send("POST", "/api/auth/login", null, body, Map.of());
            assertThat(login.status()).as(login.toString()).isEqualTo(400);
            login.expectProblem(400);
        }
        String token = mallory.token();
        Gateway own = mallory.gateway();
        own.send("POST", "/api/topics", token, "{\"title\": [1, 2", Map.of()).expectProblem(400);
        own.send("PUT", "/api/polls/demo-poll-1/ballot", token, "{\"choices\": \"all\", \"ballotId\": 5}", Map.of())
                .expectProblem(400);
        own.send("POST", "/api/memberships/checkout", token, "{\"tier\":", Map.of()).expectProblem(400);
        own.send("POST", "/api/auth/refresh", null, "{\"refreshToken\": ", Map.of()).expectProblem(400);

        // well-formed but invalid: 400 with the fields named
        Answer shortPassword = gateway.post("/api/auth/register", null,
                Map.of("email", "not-an-email", "password", "short", "displayName", ""));
        shortPassword.expectProblem(400);
        assertThat(shortPassword.<List<String>>json("$.errors[*].field")).contains("email", "password");
        Answer checkout = mallory.post("/api/memberships/checkout", Map.of("tier", "gold", "period", "WEEKLY"));
        checkout.expectProblem(400);
        assertThat(checkout.<List<String>>json("$.errors[*].field")).contains("tier", "period");
        Answer editorial = Editor.demo(gateway).person().post("/api/editorial/articles",
                Map.of("title", "", "body", "x", "visibility", "EVERYONE"));
        editorial.expectProblem(400);
    }

    @Test
    @Order(5)
    void unknownPathsAre404() {
        Gateway gateway = client();
        for (String path : List.of("/api/nothing-here", "/actuator", "/actuator/health", "/actuator/gateway/routes",
                "/actuator/prometheus", "/.well-known/jwks.json", "/v3/api-docs", "/api", "/admin")) {
            Answer answer = gateway.get(path);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            answer.expectProblem(404, "not-found");
        }
        gateway.get("/api/articles/no-such-article").expectProblem(404);
        gateway.get("/api/topics/no-such-topic").expectProblem(404);
        gateway.get("/api/polls/no-such-poll").expectProblem(404);
        gateway.get("/api/polls/no-such-poll/tally").expectProblem(404);
    }

    @Test
    @Order(6)
    void aFloodOfLoginsIsSlowedTo429ForThatAddressOnly() {
        Gateway flooder = client();
        Map<String, String> credentials = Map.of("email", victim.email(), "password", victim.password());
        List<Integer> statuses = new ArrayList<>();
        Answer refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            Answer answer = flooder.post("/api/auth/login", null, credentials);
            statuses.add(answer.status());
            if (answer.status() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("a 429 among the answers to 30 logins: %s", statuses).isNotNull();
        refused.expectProblem(429, "too-many-requests");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(statuses).as("answers before the first 429").filteredOn(s -> s != 429).containsOnly(200);
        flooder.post("/api/auth/login", null, credentials).expectProblem(429, "too-many-requests");

        // someone else, from another address, still signs in
        client().post("/api/auth/login", null, Map.of("email", mallory.email(), "password", mallory.password()))
                .expect(200);
    }

    @Test
    @Order(7)
    void aStoppedServiceIs503AndTheRouteRecoversWhenItIsBack() {
        Gateway gateway = client();
        gateway.get("/api/articles").expect(200);

        stack.stopPart(Part.ARTICLE);
        try {
            for (int i = 0; i < 12; i++) {
                Instant asked = Instant.now();
                Answer answer = gateway.get("/api/articles");
                assertThat(Duration.between(asked, Instant.now())).as("time to answer while article-service is down")
                        .isLessThan(Duration.ofSeconds(5));
                answer.expectProblem(503, "service-unavailable");
            }
            // the other services are not affected
            gateway.get("/api/topics").expect(200);
            gateway.get("/api/memberships/tiers").expect(200);
            mallory.get("/api/members/me").expect(200);
        } finally {
            stack.startPart(Part.ARTICLE);
        }
        Awaitility.await("GET /api/articles answered again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> gateway.get("/api/articles").status() == 200);
        gateway.get("/api/articles").expect(200);
    }

    /**
     * Failed sign-ins count against the address they come from. Twenty-five people mistyping their password,
     * each from an address of their own, must not lock out a twenty-sixth who types it right.
     */
    @Test
    @Order(8)
    void failedSignInsFromManyAddressesDoNotLockOutEveryoneElse() {
        for (int i = 0; i < 25; i++) {
            client().post("/api/auth/login", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@journeys.newsroom.test",
                    "password", "a-wrong-password")).expectProblem(401, "invalid-credentials");
        }
        client().post("/api/auth/login", null, Map.of("email", victim.email(), "password", victim.password()))
                .expect(200);
    }
}
