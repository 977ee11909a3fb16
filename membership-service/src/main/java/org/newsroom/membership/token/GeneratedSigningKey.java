package org.newsroom.membership.token;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import reactor.core.publisher.Mono;

/**
 * The signing key when none is configured (the local stack): generated once and kept in the
 * service's database, so tokens survive a restart and every instance signs with the same key.
 * Configure {@code newsroom.auth.signing-keys} wherever the database is not trusted with it.
 */
public final class GeneratedSigningKey {

    private static final Logger log = LoggerFactory.getLogger(GeneratedSigningKey.class);
    static final String COLLECTION = "signing_keys";
    static final String ID = "generated";

    private GeneratedSigningKey() {
    }

    public static TokenProperties withGeneratedKey(TokenProperties properties, ReactiveMongoTemplate mongo) {
        if (!properties.signingKeys().isEmpty()) {
            return properties;
        }
        TokenProperties.Key key;
        try {
            key = loadOrCreate(mongo).block(Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            log.warn("The generated signing key could not be kept in MongoDB ({}); using one for this process only",
                    e.toString());
            return properties;
        }
        log.warn("No newsroom.auth.signing-keys configured: signing with the generated key {} kept in MongoDB", key.id());
        return new TokenProperties(properties.issuer(), properties.accessTokenTtl(), properties.refreshTokenTtl(),
                List.of(key), key.id(), properties.verificationKeys());
    }

    private static Mono<TokenProperties.Key> loadOrCreate(ReactiveMongoTemplate mongo) {
        Mono<TokenProperties.Key> existing = mongo.findById(ID, Document.class, COLLECTION)
                .map(d -> new TokenProperties.Key(d.getString("kid"), d.getString("pem")));
        return existing.switchIfEmpty(Mono.defer(() -> {
            RSAKey generated = SigningKeys.generate();
            String pem;
            try {
                pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(generated.toPrivateKey().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
            } catch (JOSEException e) {
                return Mono.error(e);
            }
            Document doc = new Document("_id", ID).append("kid", generated.getKeyID()).append("pem", pem);
            return mongo.insert(doc, COLLECTION)
                    .thenReturn(new TokenProperties.Key(generated.getKeyID(), pem))
                    // another instance generated one first: use theirs
                    .onErrorResume(DuplicateKeyException.class, e -> existing);
        }));
    }
}
