package org.newsroom.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.membership.account.Role;
import org.newsroom.membership.token.AccessTokens;
import org.newsroom.membership.token.SigningKeys;
import org.newsroom.defaults.test.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

class AccountApiTest extends ApiTestSupport {

    @Autowired
    SigningKeys keys;

    @Value("${newsroom.security.issuer}")
    String issuer;

    @Test
    void registeringNormalisesTheEmailAndRefusesItTwice() {
        String email = uniqueEmail("Ada").toUpperCase();
        web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "  " + email + " ", "password", "a long password", "displayName", "Ada"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.email").isEqualTo(email.toLowerCase())
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.password").doesNotExist().jsonPath("$.passwordHash").doesNotExist();

        var again = web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email.toLowerCase(), "password", "another password", "displayName", "Eve"))
                .exchange();
        assertProblem(again, 400, "validation");
    }

    @Test
    void badRegistrationsAreProblemsNamingEachField() {
        web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nope", "password", "short", "displayName", ""))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists()
                .jsonPath("$.errors[?(@.field == 'displayName')]").exists();
        assertProblem(web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json").exchange(), 400, "malformed-request");
    }

    @Test
    void loginGivesAnRs256TokenNamingTheMemberTheirRolesAndAKeyInTheJwks() {
        Account a = registerAndLogin("reader");
        String[] parts = a.accessToken().split("\\.");
        var header = json(new String(Base64.getUrlDecoder().decode(parts[0])));
        var claims = json(new String(Base64.getUrlDecoder().decode(parts[1])));
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("sub").asString()).isEqualTo(a.id());
        assertThat(claims.get("iss").asString()).isEqualTo(issuer);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"READER\"]");
        String kid = header.get("kid").asString();
        web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo(kid).jsonPath("$.keys[0].d").doesNotExist();
        web.get().uri("/api/auth/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo(kid);
        web.get().uri("/api/members/me").header("Authorization", bearer(a)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(a.id()).jsonPath("$.email").isEqualTo(a.email());
    }

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Test
    void withoutConfiguredKeysTheGeneratedKeyIsKeptSoARestartSignsWithTheSameOne() {
        var stored = mongo.findById("generated", org.bson.Document.class, "signing_keys").block();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("kid")).isEqualTo(keys.active().getKeyID());
        var props = new org.newsroom.membership.token.TokenProperties(issuer, Duration.ofMinutes(15), Duration.ofDays(1),
                null, null, null);
        var restarted = SigningKeys.from(org.newsroom.membership.token.GeneratedSigningKey.withGeneratedKey(props, mongo));
        assertThat(restarted.active().getKeyID()).isEqualTo(keys.active().getKeyID());
        Account a = registerAndLogin("survivor");
        var token = new AccessTokens(restarted, issuer, Duration.ofMinutes(15), clock).issue(a.id(), Set.of(Role.READER));
        web.get().uri("/api/members/me").header("Authorization", "Bearer " + token.token()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Account a = registerAndLogin("guarded");
        var wrong = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", a.email(), "password", "not the password")).exchange()
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        var unknown = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail("nobody"), "password", "not the password")).exchange()
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(json(wrong).get("detail")).isEqualTo(json(unknown).get("detail"));
        assertThat(json(wrong).get("type")).isEqualTo(json(unknown).get("type"));
    }

    @Test
    void repeatedFailuresAre429WhetherOrNotTheEmailExists() {
        Account a = registerAndLogin("targeted");
        String nobody = uniqueEmail("nobody");
        for (String email : new String[] {a.email(), nobody}) {
            for (int i = 0; i < 5; i++) {
                web.post().uri("/api/auth/login").header("X-Forwarded-For", "203.0.113." + (i + 10))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", "guess number " + i)).exchange()
                        .expectStatus().isUnauthorized();
            }
            var blocked = web.post().uri("/api/auth/login").header("X-Forwarded-For", "203.0.113.99")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", "guess again")).exchange();
            blocked.expectHeader().exists("Retry-After");
            assertProblem(blocked, 429, "too-many-sign-in-attempts");
        }
        // even the right password waits: the throttle is per account, not per guess
        assertProblem(web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", a.email(), "password", a.password())).exchange(), 429,
                "too-many-sign-in-attempts");
    }

    @Test
    void refreshRotatesAndReusingASpentTokenRevokesTheFamily() {
        Account a = registerAndLogin("rotating");
        var first = json(web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", a.refreshToken())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String next = first.get("refreshToken").asString();
        assertThat(next).isNotEqualTo(a.refreshToken());
        assertThat(first.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(first.get("expiresIn").asLong()).isEqualTo(900);

        // the spent token comes back: someone copied it; the whole family goes
        assertProblem(web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", a.refreshToken())).exchange(), 401, "invalid-refresh-token");
        assertProblem(web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", next)).exchange(), 401, "invalid-refresh-token");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Account a = registerAndLogin("leaving");
        web.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", a.refreshToken())).exchange().expectStatus().isNoContent();
        assertProblem(web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", a.refreshToken())).exchange(), 401, "invalid-refresh-token");
    }

    @Test
    void expiredTamperedForeignWrongIssuerAndUnsignedTokensAre401() {
        Account a = registerAndLogin("victim");
        var expired = new AccessTokens(keys, issuer, Duration.ofMinutes(15),
                Clock.fixed(clock.instant().minus(Duration.ofHours(1)), ZoneOffset.UTC)).issue(a.id(), Set.of(Role.ADMIN));
        var wrongIssuer = new AccessTokens(keys, "https://elsewhere.example", Duration.ofMinutes(15), clock)
                .issue(a.id(), Set.of(Role.READER));
        String[] parts = a.accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"READER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";
        TestIssuer other = TestIssuer.shared();
        for (String token : new String[] {expired.token(), wrongIssuer.token(), tampered, unsigned,
                other.token(a.id(), "ADMIN"), other.unsignedToken(a.id(), "ADMIN"), "garbage"}) {
            assertProblem(web.get().uri("/api/members/me").header("Authorization", "Bearer " + token).exchange(), 401,
                    "unauthorized");
        }
        assertProblem(web.get().uri("/api/members/me").exchange(), 401, "unauthorized");
        assertThat(Instant.now()).isNotNull();
    }
}
