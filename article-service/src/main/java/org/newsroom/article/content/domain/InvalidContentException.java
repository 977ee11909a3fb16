package org.newsroom.article.content.domain;

import java.util.List;

/** Input that breaks the article rules; carries every violation found, not only the first. */
public class InvalidContentException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidContentException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
