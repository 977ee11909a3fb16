package org.newsroom.membership.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newsroom.membership.account.Role;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.jwk.RSAKey;

class AccessTokensTest {

    static final String ISSUER = "http://localhost:8080";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static String pkcs8(RSAKey key) throws Exception {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static String x509(RSAKey key) throws Exception {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static TokenProperties props(List<TokenProperties.Key> signing, String active, List<TokenProperties.Key> verifying) {
        return new TokenProperties(ISSUER, Duration.ofMinutes(15), Duration.ofDays(30), signing, active, verifying);
    }

    static final SigningKeys keys = SigningKeys.from(props(List.of(), null, List.of()));
    static final AccessTokens tokens = new AccessTokens(keys, ISSUER, Duration.ofMinutes(15), CLOCK);

    Jwt decode(SigningKeys with, String token, Clock clock) {
        return OwnTokenDecoder.create(with, ISSUER, clock).decode(token).block();
    }

    @Test
    void aTokenCarriesTheMemberTheirRolesTheIssuerAndTheKeyId() {
        var issued = tokens.issue("member-1", Set.of(Role.READER, Role.EDITOR));
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        Jwt jwt = decode(keys, issued.token(), CLOCK);
        assertThat(jwt.getSubject()).isEqualTo("member-1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EDITOR", "READER");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getHeaders()).containsEntry("kid", keys.active().getKeyID()).containsEntry("alg", "RS256");
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        var token = tokens.issue("member-1", Set.of(Role.READER)).token();
        var later = Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        assertThatThrownBy(() -> decode(keys, token, later)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTamperedTokenIsRefused() {
        var token = tokens.issue("member-1", Set.of(Role.READER)).token();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("member-1", "member-2");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
                + parts[2];
        assertThatThrownBy(() -> decode(keys, forged, CLOCK)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        var foreign = new AccessTokens(keys, "https://elsewhere.example", Duration.ofMinutes(15), CLOCK);
        var token = foreign.issue("member-1", Set.of(Role.READER)).token();
        assertThatThrownBy(() -> decode(keys, token, CLOCK)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        var other = SigningKeys.from(props(List.of(), null, List.of()));
        var token = new AccessTokens(other, ISSUER, Duration.ofMinutes(15), CLOCK).issue("m", Set.of(Role.READER)).token();
        assertThatThrownBy(() -> decode(keys, token, CLOCK)).isInstanceOf(JwtException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"member-1\",\"iss\":\"" + ISSUER + "\",\"exp\":" + (NOW.getEpochSecond() + 600)
                        + ",\"roles\":[\"ADMIN\"]}").getBytes());
        assertThatThrownBy(() -> decode(keys, header + "." + body + ".", CLOCK)).isInstanceOf(JwtException.class);
    }

    @Test
    void configuredKeysSignAndARetiredKeyStillVerifiesDuringRotation() throws Exception {
        RSAKey oldKey = SigningKeys.generate();
        RSAKey newKey = SigningKeys.generate();
        var before = SigningKeys.from(props(List.of(new TokenProperties.Key("k1", pkcs8(oldKey))), null, List.of()));
        String oldToken = new AccessTokens(before, ISSUER, Duration.ofMinutes(15), CLOCK).issue("m", Set.of(Role.READER))
                .token();

        // step 1: the new key is added (published) while the old one still signs
        var adding = SigningKeys.from(props(List.of(new TokenProperties.Key("k1", pkcs8(oldKey)),
                new TokenProperties.Key("k2", pkcs8(newKey))), "k1", List.of()));
        assertThat(adding.active().getKeyID()).isEqualTo("k1");
        assertThat(keyIds(adding.jwks())).containsExactly("k1", "k2");

        // step 2: the new key signs; the old one only verifies
        var after = SigningKeys.from(props(List.of(new TokenProperties.Key("k2", pkcs8(newKey))), null,
                List.of(new TokenProperties.Key("k1", x509(oldKey)))));
        assertThat(decode(after, oldToken, CLOCK).getSubject()).isEqualTo("m");
        String newToken = new AccessTokens(after, ISSUER, Duration.ofMinutes(15), CLOCK).issue("m", Set.of(Role.READER))
                .token();
        assertThat(decode(after, newToken, CLOCK).getHeaders()).containsEntry("kid", "k2");
        assertThat(keyIds(after.jwks())).containsExactly("k2", "k1");
    }

    @Test
    void theJwksHoldsNoPrivatePart() {
        @SuppressWarnings("unchecked")
        var first = ((List<Map<String, Object>>) keys.jwks().get("keys")).get(0);
        assertThat(first).containsKeys("kty", "kid", "n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void anUnknownActiveKeyIsAConfigurationError() {
        assertThatThrownBy(() -> SigningKeys.from(props(List.of(), "nope", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> keyIds(Map<String, Object> jwks) {
        return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(k -> (String) k.get("kid")).toList();
    }
}
