package org.newsroom.article.content;

import java.time.Instant;
import java.util.List;

import org.newsroom.article.content.domain.ArticleStatus;
import org.newsroom.article.content.domain.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An article as stored in the {@code articles} collection. */
@Document(ArticleDocument.COLLECTION)
public record ArticleDocument(
        @Id String id,
        String slug,
        String title,
        String dek,
        String body,
        String html,
        String teaserHtml,
        List<String> tags,
        List<String> authors,
        Visibility visibility,
        String topicId,
        ArticleStatus status,
        Instant publishAt,
        Instant publishedAt,
        Instant unpublishedAt,
        int revision,
        long version,
        List<String> keywords,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy) {

    public static final String COLLECTION = "articles";
}
