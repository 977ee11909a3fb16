package org.newsroom.gateway.support;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs access tokens the way membership-service does (RS256, kid, iss, sub, roles). */
public final class TestTokens {

    public static final String ISSUER = "http://newsroom.test";

    private static final TestTokens INSTANCE = new TestTokens();

    private final RSAKey key;

    private final RSAKey strangerKey;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("newsroom-test").generate();
            // Same kid, different key: a token signed by someone who guessed the key id.
            strangerKey = new RSAKeyGenerator(2048).keyID("newsroom-test").generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestTokens get() {
        return INSTANCE;
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String reader(String member) {
        return token(member, List.of("READER"));
    }

    public String editor(String member) {
        return token(member, List.of("READER", "EDITOR"));
    }

    public String admin(String member) {
        return token(member, List.of("READER", "ADMIN"));
    }

    public String token(String member, List<String> roles) {
        return sign(key, claims(member, roles, ISSUER, Instant.now().plusSeconds(300)));
    }

    public String expired(String member) {
        return sign(key, claims(member, List.of("READER"), ISSUER, Instant.now().minusSeconds(600)));
    }

    public String fromOtherIssuer(String member) {
        return sign(key, claims(member, List.of("READER"), "http://elsewhere.test", Instant.now().plusSeconds(300)));
    }

    public String signedByStranger(String member) {
        return sign(strangerKey, claims(member, List.of("READER", "ADMIN"), ISSUER, Instant.now().plusSeconds(300)));
    }

    /** A valid token whose payload was edited afterwards (roles raised to ADMIN). */
    public String tampered(String member) {
        String[] parts = reader(member).split("\\.");
        String payload = claims(member, List.of("READER", "ADMIN"), ISSUER, Instant.now().plusSeconds(300)).toString();
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
        return String.join(".", parts);
    }

    /** An unsigned token ({@code alg: none}) claiming to be an admin. */
    public String unsigned(String member) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(
                claims(member, List.of("READER", "ADMIN"), ISSUER, Instant.now().plusSeconds(300)).toString().getBytes());
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String member, List<String> roles, String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .subject(member)
                .issuer(issuer)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .build();
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
