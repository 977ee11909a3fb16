package org.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.gateway.support.FakeServices;
import org.newsroom.gateway.support.GatewayTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RoutingTest extends GatewayTest {

    @ParameterizedTest(name = "{0} {1} reaches {2}")
    @CsvSource({
            "POST, /api/auth/login, membership",
            "GET, /api/members/me, membership",
            "GET, /api/memberships/tiers, membership",
            "POST, /api/webhooks/stripe, membership",
            "GET, /api/admin/members?limit=5, membership",
            "GET, /api/articles/a-slug?x=1&y=%C3%A9, article",
            "GET, /api/tags/politics, article",
            "GET, /api/commissions/c1, article",
            "GET, /api/editorial/articles/a1, article",
            "GET, /api/topics?cursor=abc, voting",
            "GET, /api/polls/p1/tally, voting",
            "GET, /api/ballots/mine, voting",
            "POST, /api/editorial/topics/t1/approve, voting",
            "POST, /api/editorial/polls, voting"})
    void eachPublicPathReachesItsServiceWithPathIntact(String method, String uri, String service) {
        String token = tokens.admin("m-1");
        client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(URI.create("http://127.0.0.1:" + port + uri))
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
        FakeServices.Service target = switch (service) {
            case "membership" -> services.membership;
            case "article" -> services.article;
            default -> services.voting;
        };
        assertThat(target.lastSeen().uri()).isEqualTo(uri);
        assertThat(target.lastSeen().method()).isEqualTo(method);
        assertThat(target.lastSeen().headers().get("authorization")).isEqualTo(bearer(token));
    }

    @Test
    void jwksIsPublishedUnderAuth() {
        client.get().uri("/api/auth/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo("newsroom-test");
        assertThat(services.membership.lastSeen().uri()).isEqualTo("/.well-known/jwks.json");
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        for (String path : new String[] {"/api/nothing-here", "/wp-login.php", "/.well-known/jwks.json", "/"}) {
            expectProblem(client.get().uri(path).exchange(), 404, "not-found", path);
        }
        expectProblem(client.get().uri("/api/nothing-here").header("Authorization", bearer(tokens.reader("m-1")))
                .exchange(), 404, "not-found", "/api/nothing-here");
    }

    @Test
    void actuatorIsNotReachableOnThePublicPort() {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/gateway/routes",
                "/actuator/prometheus", "/actuator/env"}) {
            expectProblem(client.get().uri(path).exchange(), 404, "not-found", path);
        }
    }

    @Test
    void managementPortServesProbesAndMetricsButNotGatewayEndpoint() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
        management.get().uri("/actuator/gateway").exchange().expectStatus().isNotFound();
        management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        for (String path : new String[] {"/api/articles/a1", "/api/nothing-here", "/api/members/me"}) {
            client.get().uri(path).exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value("Content-Security-Policy",
                            csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"))
                    // Plain HTTP here: Strict-Transport-Security belongs only on answers over TLS.
                    .expectHeader().doesNotExist("Strict-Transport-Security")
                    .expectHeader().exists("X-Request-Id");
        }
    }

    @Test
    void requestIdIsGeneratedEchoedAndPassedOn() {
        AtomicReference<String> generated = new AtomicReference<>();
        client.get().uri("/api/articles/a1").exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Request-Id", generated::set);
        assertThat(generated.get()).hasSizeGreaterThan(8);
        assertThat(services.article.lastSeen().headers().get("x-request-id")).isEqualTo(generated.get());

        client.get().uri("/api/articles/a1").header("X-Request-Id", "reader-app-42").exchange()
                .expectHeader().valueEquals("X-Request-Id", "reader-app-42");
        assertThat(services.article.lastSeen().headers().get("x-request-id")).isEqualTo("reader-app-42");

        // Something that could forge log lines is replaced, not passed on.
        client.get().uri("/api/articles/a1").header("X-Request-Id", "bad id\tinjected").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).doesNotContain(" "));
        expectProblem(client.get().uri("/nope").header("X-Request-Id", "lost-7").exchange(), 404, "not-found", "/nope")
                .jsonPath("$.requestId").isEqualTo("lost-7");
    }

    @Test
    void traceContextIsPassedToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.get().uri("/api/articles/a1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();
        String traceparent = services.article.lastSeen().headers().get("traceparent");
        assertThat(traceparent).startsWith("00-" + traceId + "-");
    }

    @Test
    void serverSentEventsArriveUnbuffered() {
        WebClient webClient = WebClient.create("http://127.0.0.1:" + port);
        Flux<ServerSentEvent<String>> events = webClient.get().uri("/api/polls/p1/tally/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
        StepVerifier.create(events)
                // The second event is only sent once the first has arrived through the gateway.
                .assertNext(first -> {
                    assertThat(first.data()).contains("\"n\":1");
                    services.voting.releaseSecondEvent();
                })
                .assertNext(second -> assertThat(second.data()).contains("\"n\":2"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        expectProblem(client.post().uri("/api/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big).exchange(), 413, "payload-too-large", "/api/webhooks/stripe");
        assertThat(services.membership.seen()).isEmpty();
    }

    @Test
    void oversizedChunkedBodyIsRefusedWith413() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        Flux<byte[]> body = Flux.range(0, 20).map(i -> chunk);
        expectProblem(client.post().uri("/api/webhooks/stripe").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body, byte[].class).exchange(), 413, "payload-too-large", "/api/webhooks/stripe");
    }

    @Test
    void onlyIdempotentReadsAreRetried() {
        client.get().uri("/api/articles/bad-gateway").exchange().expectStatus().isEqualTo(502);
        assertThat(services.article.hits("/api/articles/bad-gateway")).isEqualTo(3);

        client.post().uri("/api/articles/bad-gateway").header("Authorization", bearer(tokens.reader("m-1")))
                .exchange().expectStatus().isEqualTo(502);
        assertThat(services.article.hits("/api/articles/bad-gateway")).isEqualTo(4);
    }

    static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String slug,
            String instance) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://newsroom.example/problems/" + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo(instance);
    }
}
