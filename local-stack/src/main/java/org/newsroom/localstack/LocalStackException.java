package org.newsroom.localstack;

/** The stack could not be started or stopped; the message says why in a user's words. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
