package org.newsroom.voting.ballot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous voter key: HMAC-SHA256 over member id and poll id with a secret only this
 * service holds. The same member gets a different key in every poll, and the log names no one.
 */
public final class VoterKeys {

    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    public VoterKeys(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the voter key secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String keyOf(String memberId, String pollId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(memberId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(pollId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
