package org.newsroom.defaults.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests: a real RSA key whose public half is served as a JWKS over real HTTP, so
 * services check test tokens exactly as they check membership-service's. It also makes the tokens
 * a service must refuse.
 */
public final class TestIssuer {

    private static volatile TestIssuer shared;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuer = "http://newsroom.test";
    private final String jwksUri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            // Same kid, different key: a token signed by someone else who guessed our key id.
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
            jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        }
        catch (JOSEException | IOException e) {
            throw new IllegalStateException("The test issuer cannot start", e);
        }
    }

    public static TestIssuer shared() {
        if (shared == null) {
            synchronized (TestIssuer.class) {
                if (shared == null) {
                    shared = new TestIssuer();
                }
            }
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** A valid access token for 15 minutes. Roles: READER, EDITOR, ADMIN. */
    public String token(String memberId, String... roles) {
        return sign(key, claims(memberId, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    public String expiredToken(String memberId, String... roles) {
        return sign(key, claims(memberId, issuer, Instant.now().minus(Duration.ofMinutes(5)), roles));
    }

    public String wrongIssuerToken(String memberId, String... roles) {
        return sign(key, claims(memberId, "https://elsewhere.example", Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    /** Signed with a key that is not in the JWKS, under the same key id. */
    public String foreignKeyToken(String memberId, String... roles) {
        return sign(strangerKey, claims(memberId, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    /** A valid token whose payload was changed after signing (here: the roles). */
    public String tamperedToken(String memberId, String... roles) {
        String[] parts = token(memberId, "READER").split("\\.");
        String payload = claims(memberId, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles).toString();
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public String unsignedToken(String memberId, String... roles) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims(memberId, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles).toString());
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String memberId, String issuer, Instant expiresAt, String... roles) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder()
                .subject(memberId)
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
