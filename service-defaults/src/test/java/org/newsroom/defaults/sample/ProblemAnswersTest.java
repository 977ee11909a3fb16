package org.newsroom.defaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SampleServiceTest
class ProblemAnswersTest {

    static final TestIssuer issuer = TestIssuer.shared();

    @Autowired
    WebTestClient http;

    @Test
    void anUnknownPathIsANotFoundProblem() {
        http.get().uri("/api/nowhere/at/all").headers(h -> h.setBearerAuth(issuer.token("m1", "READER"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://newsroom.example/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/nowhere/at/all");
    }

    @Test
    void withoutATokenAnUnknownPathTellsNothingAndIsUnauthorized() {
        http.get().uri("/api/nowhere/at/all").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMissingObjectIsTheServicesOwnNotFoundProblem() {
        http.get().uri("/api/notes/no-such-note").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No note no-such-note.");
    }

    @Test
    void invalidFieldsAreABadRequestNamingEachField() {
        Map<?, ?> body = post(Map.of("text", "x".repeat(51)), MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("type")).isEqualTo("https://newsroom.example/problems/validation");
        assertThat((List<?>) body.get("errors")).singleElement()
                .satisfies(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("text"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        post("{\"text\": ", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/malformed-request");
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        post("text=hello", MediaType.TEXT_PLAIN)
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWrongMethodIsRefused() {
        http.delete().uri("/api/notes/x").headers(h -> h.setBearerAuth(issuer.token("m1", "READER"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenAWriteIsUnauthorized() {
        http.post().uri("/api/notes").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hi")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://newsroom.example/problems/unauthorized");
    }

    @Test
    void expiredTamperedForeignWrongIssuerAndUnsignedTokensAreUnauthorized() {
        for (String token : List.of(issuer.expiredToken("m1", "EDITOR"), issuer.tamperedToken("m1", "EDITOR"),
                issuer.foreignKeyToken("m1", "EDITOR"), issuer.wrongIssuerToken("m1", "EDITOR"),
                issuer.unsignedToken("m1", "EDITOR"), "not-a-token")) {
            http.post().uri("/api/editorial/notes").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aRoleIsNeededForEditorialPaths() {
        http.post().uri("/api/editorial/notes").headers(h -> h.setBearerAuth(issuer.token("m1", "READER"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/editorial/notes").headers(h -> h.setBearerAuth(issuer.token("m2", "EDITOR"))).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(Object body, MediaType type) {
        return http.post().uri("/api/notes").contentType(type)
                .headers(h -> h.setBearerAuth(issuer.token("member-1", "READER")))
                .bodyValue(body)
                .exchange();
    }
}
