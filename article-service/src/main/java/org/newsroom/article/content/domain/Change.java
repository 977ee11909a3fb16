package org.newsroom.article.content.domain;

import java.util.Optional;

/** An article after a step of the workflow, and the event that step announces, if any. */
public record Change(Article article, Optional<ArticleEventType> event) {

    static Change silent(Article article) {
        return new Change(article, Optional.empty());
    }

    static Change announced(Article article, ArticleEventType event) {
        return new Change(article, Optional.of(event));
    }
}
