package org.newsroom.article.content.domain;

/** A publishing step that the article's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
