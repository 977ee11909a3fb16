package org.newsroom.article.content.domain;

/** Where an article is in the publishing workflow. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
