package org.newsroom.article.content;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.Visibility;

/** The data of every event on {@code newsroom.article.v1}: the article's public summary, never its body. */
public record ArticleEventData(String articleId, String slug, String title, List<String> tags, Visibility visibility,
                               Instant publishedAt, String topicId, long version, Instant occurredAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Instant unpublishedAt) {

    public static ArticleEventData of(Article a, boolean unpublished) {
        return new ArticleEventData(a.id(), a.slug(), a.content().title(), a.content().tags(),
                a.content().visibility(), a.publishedAt(), a.content().topicId(), a.version(), a.updatedAt(),
                unpublished ? a.unpublishedAt() : null);
    }
}
