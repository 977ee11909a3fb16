package org.newsroom.defaults.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@SampleServiceTest
class ManagementTest {

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    @Test
    void readinessIncludesAMongoPingAndIsUp() {
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> org.assertj.core.api.Assertions.assertThat(text)
                        .contains("application=\"sample-service\""));
    }

    @Test
    void theActuatorIsNotServedOnThePublicPort() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + serverPort).build()
                .get().uri("/actuator/health")
                .headers(h -> h.setBearerAuth(org.newsroom.defaults.test.TestIssuer.shared().token("m1", "ADMIN")))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theApiIsDescribedAsOpenApi() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + serverPort).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/notes']").exists();
    }

    private WebTestClient management() {
        // A scrape with latency histograms is larger than the client's default 256 KB buffer.
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }
}
