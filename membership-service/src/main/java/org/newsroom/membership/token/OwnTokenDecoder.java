package org.newsroom.membership.token;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.JWK;

import reactor.core.publisher.Flux;

/**
 * Validates this service's own tokens against its own keys, so it never calls its JWKS endpoint
 * over HTTP: RS256 only, a known {@code kid}, the configured issuer, not expired.
 */
public final class OwnTokenDecoder {

    private OwnTokenDecoder() {
    }

    public static ReactiveJwtDecoder create(SigningKeys keys, String issuer, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromStream(
                        keys.publicKey(jwt.getHeader().getKeyID()).map(JWK.class::cast).stream()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        var timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer)));
        return decoder;
    }
}
