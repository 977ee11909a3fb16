package org.newsroom.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;

/** Access tokens an attacker could make from a real one: none of them may open any door. */
final class ForgedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String[] real;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;

    ForgedTokens(String realToken) {
        this.real = realToken.split("\\.");
        this.header = parse(real[0]);
        this.claims = parse(real[1]);
    }

    /** The real signature over claims changed to give the admin role. */
    String withRolesChanged() {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put("roles", List.of("ADMIN", "EDITOR"));
        return real[0] + "." + encode(changed) + "." + real[2];
    }

    /** No signature at all: {@code alg: none}. */
    String unsigned() {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + real[1] + ".";
    }

    /** Signed with a key of the attacker's own, under the real key id. */
    String signedWithAnotherKey() {
        return sign(header, claims);
    }

    /** Signed with another key, naming another issuer. */
    String fromAnotherIssuer() {
        Map<String, Object> other = new LinkedHashMap<>(claims);
        other.put("iss", "https://issuer.example");
        Map<String, Object> otherHeader = new LinkedHashMap<>(header);
        otherHeader.put("kid", "issuer-example-key");
        return sign(otherHeader, other);
    }

    /** Long expired (and so necessarily signed with another key: the real one is not ours). */
    String expired() {
        Map<String, Object> old = new LinkedHashMap<>(claims);
        old.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        old.put("nbf", Instant.now().minusSeconds(7200).getEpochSecond());
        old.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        return sign(header, old);
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String signingInput = encode(header) + "." + encode(claims);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        return ENCODER.encodeToString(JSONValue.toJSONString(json).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> parse(String part) {
        return (JSONObject) JSONValue.parse(new String(DECODER.decode(part), StandardCharsets.UTF_8));
    }
}
