package org.newsroom.article.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.ArticleContent;
import org.newsroom.article.content.domain.ArticleStatus;
import org.newsroom.article.content.domain.Visibility;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in the {@code articles} collection, with the events its last changes caused
 * still waiting in {@code outbox} until the relay has published them.
 */
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
        List<String> authorKeys,
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
        String updatedBy,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "articles";

    public static ArticleDocument of(Article a, List<OutboxEvent> outbox) {
        ArticleContent c = a.content();
        return new ArticleDocument(a.id(), a.slug(), c.title(), c.dek(), c.body(), a.html(), a.teaserHtml(), c.tags(),
                c.authors(), c.authors().stream().map(ArticleDocument::authorKey).toList(), c.visibility(),
                c.topicId(), a.status(), a.publishAt(), a.publishedAt(), a.unpublishedAt(), a.revision(), a.version(),
                a.keywords(), a.createdAt(), a.updatedAt(), a.createdBy(), a.updatedBy(), new ArrayList<>(outbox));
    }

    public Article toArticle() {
        ArticleContent c = new ArticleContent(title, dek == null ? "" : dek, body == null ? "" : body,
                tags == null ? List.of() : tags, authors == null ? List.of() : authors, visibility, topicId);
        return new Article(id, slug, c, html, teaserHtml, keywords == null ? List.of() : keywords, status, publishAt,
                publishedAt, unpublishedAt, revision, version, createdAt, updatedAt, createdBy, updatedBy);
    }

    /** Author filters match names regardless of case and surrounding spaces. */
    public static String authorKey(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
