package org.newsroom.membership.payment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_secret";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);

    @Nested
    class Stripe {

        @Test
        void acceptsWhatTheProviderSigned() {
            String header = StripeSignature.sign(BODY, SECRET, NOW);
            assertThatCode(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
        }

        @Test
        void acceptsAKnownStripeTestVector() {
            // computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test_secret
            String header = "t=1700000000,v1=ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3";
            assertThatCode(() -> StripeSignature.verify(header, "{}".getBytes(StandardCharsets.UTF_8), SECRET,
                    Instant.ofEpochSecond(1700000000), TOLERANCE)).doesNotThrowAnyException();
        }

        @Test
        void acceptsWhenAnyOfSeveralSignaturesMatches() {
            String header = StripeSignature.sign(BODY, SECRET, NOW) + ",v1=" + "0".repeat(64);
            String reversed = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + ","
                    + StripeSignature.sign(BODY, SECRET, NOW).split(",")[1];
            assertThatCode(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
            assertThatCode(() -> StripeSignature.verify(reversed, BODY, SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
        }

        @Test
        void refusesATamperedBody() {
            String header = StripeSignature.sign(BODY, SECRET, NOW);
            byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"x\":1}".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> StripeSignature.verify(header, tampered, SECRET, NOW, TOLERANCE))
                    .isInstanceOf(WebhookSignatureException.class);
        }

        @Test
        void refusesAWrongSecret() {
            String header = StripeSignature.sign(BODY, "whsec_other", NOW);
            assertThatThrownBy(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE))
                    .isInstanceOf(WebhookSignatureException.class);
        }

        @Test
        void refusesAStaleTimestampEvenWhenCorrectlySigned() {
            String header = StripeSignature.sign(BODY, SECRET, NOW.minus(Duration.ofMinutes(5)).minusSeconds(1));
            assertThatThrownBy(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE))
                    .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("tolerance");
            String future = StripeSignature.sign(BODY, SECRET, NOW.plus(Duration.ofMinutes(6)));
            assertThatThrownBy(() -> StripeSignature.verify(future, BODY, SECRET, NOW, TOLERANCE))
                    .isInstanceOf(WebhookSignatureException.class);
        }

        @Test
        void acceptsTheEdgeOfTheTolerance() {
            String header = StripeSignature.sign(BODY, SECRET, NOW.minus(Duration.ofMinutes(5)));
            assertThatCode(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
        }

        @Test
        void refusesAReplayWithAMovedTimestamp() {
            // an attacker re-sends an old body with a fresh t but the old v1
            String old = StripeSignature.sign(BODY, SECRET, NOW.minus(Duration.ofHours(1)));
            String replay = "t=" + NOW.getEpochSecond() + "," + old.split(",")[1];
            assertThatThrownBy(() -> StripeSignature.verify(replay, BODY, SECRET, NOW, TOLERANCE))
                    .isInstanceOf(WebhookSignatureException.class);
        }

        @Test
        void refusesMissingOrMalformedHeaders() {
            for (String header : new String[] {null, "", "v1=abc", "t=123", "t=abc,v1=00", "garbage"}) {
                assertThatThrownBy(() -> StripeSignature.verify(header, BODY, SECRET, NOW, TOLERANCE))
                        .isInstanceOf(WebhookSignatureException.class);
            }
        }
    }

    @Nested
    class Patreon {

        @Test
        void acceptsWhatTheProviderSigned() {
            String header = PatreonSignature.sign(BODY, SECRET);
            assertThatCode(() -> PatreonSignature.verify(header, BODY, SECRET)).doesNotThrowAnyException();
            assertThatCode(() -> PatreonSignature.verify(header.toUpperCase(), BODY, SECRET)).doesNotThrowAnyException();
        }

        @Test
        void matchesAKnownHmacMd5Vector() {
            // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?"
            String sig = PatreonSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe");
            org.assertj.core.api.Assertions.assertThat(sig).isEqualTo("750c783e6ab0b503eaa86e310a5db738");
        }

        @Test
        void refusesATamperedBodyAWrongSecretOrNoSignature() {
            String header = PatreonSignature.sign(BODY, SECRET);
            assertThatThrownBy(() -> PatreonSignature.verify(header, "{}".getBytes(StandardCharsets.UTF_8), SECRET))
                    .isInstanceOf(WebhookSignatureException.class);
            assertThatThrownBy(() -> PatreonSignature.verify(PatreonSignature.sign(BODY, "other"), BODY, SECRET))
                    .isInstanceOf(WebhookSignatureException.class);
            assertThatThrownBy(() -> PatreonSignature.verify(null, BODY, SECRET))
                    .isInstanceOf(WebhookSignatureException.class);
        }
    }
}
