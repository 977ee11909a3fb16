package org.newsroom.membership.token;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA keys tokens are signed with. One key signs; every configured key (and retired public
 * keys) verifies and is published in the JWKS, so a new key can be introduced, and the old one
 * retired, without invalidating live tokens.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey active;
    private final Map<String, RSAKey> publicKeys = new LinkedHashMap<>();

    private SigningKeys(RSAKey active, List<RSAKey> others) {
        this.active = active;
        publicKeys.put(active.getKeyID(), active.toPublicJWK());
        for (RSAKey key : others) {
            if (publicKeys.putIfAbsent(key.getKeyID(), key.toPublicJWK()) != null && !key.getKeyID().equals(active.getKeyID())) {
                throw new IllegalArgumentException("duplicate key id " + key.getKeyID());
            }
        }
    }

    public static SigningKeys from(TokenProperties properties) {
        List<RSAKey> signing = new ArrayList<>();
        for (TokenProperties.Key key : properties.signingKeys()) {
            signing.add(privateKey(key));
        }
        List<RSAKey> verifying = new ArrayList<>();
        for (TokenProperties.Key key : properties.verificationKeys()) {
            verifying.add(publicKey(key));
        }
        if (signing.isEmpty()) {
            log.warn("No newsroom.auth.signing-keys configured: generated a key for this process only. "
                    + "Tokens will not survive a restart and other instances cannot verify them.");
            signing.add(generate());
        }
        String activeId = properties.activeKeyId();
        RSAKey active = activeId == null || activeId.isBlank() ? signing.get(0)
                : signing.stream().filter(k -> k.getKeyID().equals(activeId)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "newsroom.auth.active-key-id " + activeId + " is not among the signing keys"));
        List<RSAKey> others = new ArrayList<>(signing);
        others.addAll(verifying);
        return new SigningKeys(active, others);
    }

    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The key new tokens are signed with (private). */
    public RSAKey active() {
        return active;
    }

    /** A public key by its id, if it is one this service signs or signed with. */
    public Optional<RSAKey> publicKey(String keyId) {
        return Optional.ofNullable(keyId).map(publicKeys::get);
    }

    /** The JWKS document: public keys only. */
    public Map<String, Object> jwks() {
        return new JWKSet(List.copyOf(publicKeys.values())).toJSONObject(true);
    }

    private static RSAKey privateKey(TokenProperties.Key key) {
        requireId(key);
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der(key.pem())));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(key.id()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (Exception e) {
            throw new IllegalArgumentException("signing key " + key.id() + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static RSAKey publicKey(TokenProperties.Key key) {
        requireId(key);
        try {
            var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(key.pem())));
            return new RSAKey.Builder(publicKey).keyID(key.id()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (Exception e) {
            throw new IllegalArgumentException("verification key " + key.id() + " is not an RSA public key in PEM", e);
        }
    }

    private static void requireId(TokenProperties.Key key) {
        if (key.id() == null || key.id().isBlank() || key.pem() == null || key.pem().isBlank()) {
            throw new IllegalArgumentException("every key needs an id and a pem");
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
