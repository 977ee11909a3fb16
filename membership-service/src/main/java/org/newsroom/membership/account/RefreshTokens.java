package org.newsroom.membership.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opaque refresh tokens: issued per sign-in, rotated on each use, revoked by family. */
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;

    public RefreshTokens(ReactiveMongoTemplate mongo, Clock clock, Duration ttl) {
        this.mongo = mongo;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The member a presented token was exchanged for, and the new token. */
    public record Rotated(String memberId, String token) {
    }

    /** A token opening a new family (a sign-in). */
    public Mono<String> issue(String memberId) {
        return issue(memberId, UUID.randomUUID().toString(), clock.instant().plus(ttl));
    }

    private Mono<String> issue(String memberId, String familyId, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var doc = new RefreshTokenDocument(hash(token), familyId, memberId, clock.instant(), expiresAt, null, null);
        return mongo.insert(doc).thenReturn(token);
    }

    /**
     * Exchanges a live token for a new one of the same family (which keeps the family's expiry).
     * A spent token revokes its family; anything else is refused. Empty when refused.
     */
    public Mono<Rotated> rotate(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        String hash = hash(token);
        return mongo.findById(hash, RefreshTokenDocument.class)
                .flatMap(doc -> switch (RefreshFamily.judge(true, doc.spentAt(), doc.revokedAt(), doc.expiresAt(), now)) {
                    case ROTATE -> spend(doc, now);
                    case REVOKE_FAMILY -> revokeFamily(doc.familyId()).then(Mono.<Rotated>empty());
                    case REFUSE -> Mono.<Rotated>empty();
                });
    }

    private Mono<Rotated> spend(RefreshTokenDocument doc, Instant now) {
        // Only one exchange wins: the one that finds the token unspent.
        Query unspent = Query.query(Criteria.where("_id").is(doc.hash()).and("spentAt").is(null).and("revokedAt").is(null));
        return mongo.updateFirst(unspent, new Update().set("spentAt", now), RefreshTokenDocument.class)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? issue(doc.memberId(), doc.familyId(), doc.expiresAt()).map(t -> new Rotated(doc.memberId(), t))
                        : revokeFamily(doc.familyId()).then(Mono.<Rotated>empty()));
    }

    /** Logout: the family of this token can no longer be used. Unknown tokens change nothing. */
    public Mono<Void> revoke(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return mongo.findById(hash(token), RefreshTokenDocument.class)
                .flatMap(doc -> revokeFamily(doc.familyId()));
    }

    public Mono<Void> revokeFamily(String familyId) {
        return mongo.updateMulti(Query.query(Criteria.where("familyId").is(familyId).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()), RefreshTokenDocument.class).then();
    }

    /** Every token of a member gone (erasure). */
    public Mono<Void> deleteAll(String memberId) {
        return mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), RefreshTokenDocument.class).then();
    }

    public Flux<RefreshTokenDocument> of(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)), RefreshTokenDocument.class);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
