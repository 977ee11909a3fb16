package org.newsroom.membership.payment;

/** A webhook whose signature does not prove it came from the provider. */
public class WebhookSignatureException extends RuntimeException {

    public WebhookSignatureException(String message) {
        super(message);
    }
}
