package org.newsroom.membership.payment;

import java.nio.charset.StandardCharsets;

/** Patreon's webhook signature: {@code X-Patreon-Signature: <hex HMAC-MD5 of the raw body>}. */
public final class PatreonSignature {

    public static final String HEADER = "X-Patreon-Signature";
    private static final String ALGORITHM = "HmacMD5";

    private PatreonSignature() {
    }

    public static String sign(byte[] body, String secret) {
        return Hmac.hex(ALGORITHM, secret.getBytes(StandardCharsets.UTF_8), body);
    }

    public static void verify(String header, byte[] body, String secret) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException("missing " + HEADER + " header");
        }
        if (!Hmac.equalsConstantTime(sign(body, secret), header.trim())) {
            throw new WebhookSignatureException("signature does not match");
        }
    }
}
