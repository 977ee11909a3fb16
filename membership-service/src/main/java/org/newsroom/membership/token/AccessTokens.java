package org.newsroom.membership.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.newsroom.membership.account.Role;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs short-lived RS256 access tokens: {@code sub} the member id, {@code roles} their roles. */
public final class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, String issuer, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public record Issued(String token, Duration expiresIn) {
    }

    public Issued issue(String memberId, Collection<Role> roles) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(memberId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.active().getKeyID())
                .type(JOSEObjectType.JWT).build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(keys.active()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), ttl);
    }

    public String issuer() {
        return issuer;
    }

    public List<String> keyIds() {
        return List.of(keys.active().getKeyID());
    }
}
