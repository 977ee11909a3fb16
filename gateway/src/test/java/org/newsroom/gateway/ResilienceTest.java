package org.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.RoutingTest.expectProblem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.gateway.support.GatewayTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "newsroom.gateway.services.membership.response-timeout=500ms",
        "newsroom.gateway.circuit-breaker.sliding-window-size=4",
        "newsroom.gateway.circuit-breaker.minimum-number-of-calls=4",
        "newsroom.gateway.circuit-breaker.wait-in-open-state=1s",
        "newsroom.gateway.circuit-breaker.permitted-calls-in-half-open-state=1"})
class ResilienceTest extends GatewayTest {

    @Test
    void slowServiceGivesTimeoutProblemQuickly() {
        long started = System.nanoTime();
        expectProblem(client.get().uri("/api/members/slow").header("Authorization", bearer(tokens.reader("m-1")))
                .exchange(), 504, "upstream-timeout", "/api/members/slow")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("membership service"));
        // The service takes three seconds; the gateway gives up after half a second and does not retry.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(services.membership.hits("/api/members/slow")).isEqualTo(1);
    }

    @Test
    void stoppedServiceGivesQuickUnavailableProblemAndOthersKeepWorkingUntilItIsBack(CapturedOutput output) {
        services.article.stop();
        try {
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                AtomicReference<String> requestId = new AtomicReference<>();
                expectProblem(client.get().uri("/api/articles/a1").exchange(), 503, "service-unavailable",
                        "/api/articles/a1")
                        .jsonPath("$.requestId").value(id -> requestId.set((String) id));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                // The failure is logged under the request's id.
                assertThat(output.getOut()).contains("," + requestId.get() + "]");
                // Writes fail the same way, never as a 500.
                client.post().uri("/api/commissions").header("Authorization", bearer(tokens.editor("e-1")))
                        .exchange().expectStatus().isEqualTo(503);
            }
            // The breaker is open now: the answer says when to come back.
            client.get().uri("/api/articles/a1").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After");
            // Other services are untouched.
            client.get().uri("/api/topics").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("voting");
            client.get().uri("/api/memberships/tiers").exchange().expectStatus().isOk();
        }
        finally {
            services.article.start();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client.get().uri("/api/articles/a1").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.service").isEqualTo("article"));
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/articles/a" + i).exchange().expectStatus().isOk();
        }
    }
}
