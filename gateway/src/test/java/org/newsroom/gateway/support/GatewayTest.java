package org.newsroom.gateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the real gateway on a free port in front of the {@link FakeServices}, with tokens checked
 * against the JWKS that the fake membership-service serves over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "newsroom.gateway.rate-limits.general.capacity=100000",
        "newsroom.gateway.rate-limits.general.refill-tokens=100000"})
public abstract class GatewayTest {

    protected static final FakeServices services = FakeServices.get();

    protected static final TestTokens tokens = TestTokens.get();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("newsroom.gateway.services.membership.url", services.membership::url);
        registry.add("newsroom.gateway.services.article.url", services.article::url);
        registry.add("newsroom.gateway.services.voting.url", services.voting::url);
        registry.add("newsroom.gateway.tokens.issuer", () -> TestTokens.ISSUER);
        registry.add("newsroom.gateway.tokens.jwks-uri", () -> services.membership.url() + "/.well-known/jwks.json");
    }

    @BeforeEach
    void gatewayClient() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        services.membership.reset();
        services.article.reset();
        services.voting.reset();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
