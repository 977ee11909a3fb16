package org.newsroom.article.content.domain;

/** What an article change tells the rest of Newsroom; each maps to one event type on the article topic. */
public enum ArticleEventType {
    PUBLISHED("org.newsroom.article.published.v1"),
    UPDATED("org.newsroom.article.updated.v1"),
    UNPUBLISHED("org.newsroom.article.unpublished.v1");

    private final String type;

    ArticleEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
