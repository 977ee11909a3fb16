package org.newsroom.membership.token;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.auth}: who signs tokens, with which keys, for how long.
 *
 * @param issuer the {@code iss} of every access token ({@code NEWSROOM_JWT_ISSUER})
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token (and its family) is valid
 * @param signingKeys RSA private keys (PEM, PKCS#8) this service may sign with; all are published
 * @param activeKeyId the key that signs new tokens; the first signing key when blank
 * @param verificationKeys retired public keys (PEM, X.509) still accepted and published until their
 *     tokens have expired
 */
@ConfigurationProperties("newsroom.auth")
public record TokenProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        List<Key> signingKeys,
        String activeKeyId,
        List<Key> verificationKeys) {

    public TokenProperties {
        signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
        verificationKeys = verificationKeys == null ? List.of() : List.copyOf(verificationKeys);
    }

    /** A key and its id ({@code kid}). */
    public record Key(String id, String pem) {
    }
}
