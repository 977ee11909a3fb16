package org.newsroom.membership.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t." + raw body>}, possibly with several {@code v1} entries while a secret is rolled.
 */
public final class StripeSignature {

    public static final String HEADER = "Stripe-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private StripeSignature() {
    }

    /** The header value a provider would send for {@code body} at {@code time}. */
    public static String sign(byte[] body, String secret, Instant time) {
        long t = time.getEpochSecond();
        return "t=" + t + ",v1=" + mac(secret, t, body);
    }

    /**
     * Checks the signature, throwing {@link WebhookSignatureException} when the header is missing or
     * malformed, no {@code v1} matches, or the timestamp is further than {@code tolerance} from now
     * (either way: an old replay or a forged clock).
     */
    public static void verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException("missing " + HEADER + " header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new WebhookSignatureException("malformed timestamp");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookSignatureException("the signature header needs t and v1");
        }
        String expected = mac(secret, timestamp, body);
        boolean matched = false;
        for (String candidate : signatures) {
            // no early exit: every candidate is compared, each in constant time
            matched |= Hmac.equalsConstantTime(expected, candidate);
        }
        if (!matched) {
            throw new WebhookSignatureException("no signature matches");
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            throw new WebhookSignatureException("timestamp outside the tolerance");
        }
    }

    private static String mac(String secret, long timestamp, byte[] body) {
        return Hmac.hex(ALGORITHM, secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }
}
