package org.newsroom.article.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article and its publishing workflow:
 * <pre>
 *   DRAFT ──publish──▶ PUBLISHED ──unpublish──▶ UNPUBLISHED ──publish──▶ PUBLISHED
 *     │                    ▲                         │
 *     └─schedule─▶ SCHEDULED ──(time comes)──┘        └─schedule─▶ SCHEDULED
 *                      │ unpublish (cancels the schedule) ▶ DRAFT
 * </pre>
 * Every saved edit is a new revision. The slug is fixed the first time the article is published.
 * {@code version} counts every change and is carried by events so consumers can drop stale ones.
 */
public record Article(String id, String slug, ArticleContent content, String html, String teaserHtml,
                      List<String> keywords, ArticleStatus status, Instant publishAt, Instant publishedAt,
                      Instant unpublishedAt, int revision, long version, Instant createdAt, Instant updatedAt,
                      String createdBy, String updatedBy) {

    public Article {
        Objects.requireNonNull(id);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(content);
        Objects.requireNonNull(status);
        keywords = List.copyOf(keywords);
    }

    /** A new draft: revision 1, version 0 (versions count changes from 0, as in every Newsroom event). */
    public static Article draft(String id, String slug, ArticleContent content, String editor, Instant now) {
        return new Article(id, slug, content, ArticleHtml.render(content.body()),
                ArticleHtml.teaser(content.body(), content.dek()), keywordsOf(content), ArticleStatus.DRAFT, null,
                null, null, 1, 0, now, now, editor, editor);
    }

    /** Once published, an article keeps its address for good: links and feeds point at it. */
    public boolean slugIsFixed() {
        return publishedAt != null;
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public Optional<String> topicId() {
        return Optional.ofNullable(content.topicId());
    }

    /**
     * A new revision with the given content. {@code newSlug} is used only while the slug is not fixed.
     * Editing a published article announces the update.
     */
    public Change revise(ArticleContent newContent, String newSlug, String editor, Instant now) {
        String slugToKeep = slugIsFixed() || newSlug == null ? slug : newSlug;
        Article revised = new Article(id, slugToKeep, newContent, ArticleHtml.render(newContent.body()),
                ArticleHtml.teaser(newContent.body(), newContent.dek()), keywordsOf(newContent), status, publishAt,
                publishedAt, unpublishedAt, revision + 1, version + 1, createdAt, now, createdBy, editor);
        return status == ArticleStatus.PUBLISHED ? Change.announced(revised, ArticleEventType.UPDATED)
                : Change.silent(revised);
    }

    /** Publishes now. An article published before keeps its first publication time. */
    public Change publish(String editor, Instant now) {
        requireBody();
        return switch (status) {
            case DRAFT, SCHEDULED, UNPUBLISHED -> Change.announced(
                    withStatus(ArticleStatus.PUBLISHED, null, publishedAt != null ? publishedAt : now, null,
                            editor, now), ArticleEventType.PUBLISHED);
            case PUBLISHED -> throw new IllegalTransitionException("the article is already published");
        };
    }

    /** Publishes at a future time; rescheduling a scheduled article moves its time. */
    public Change schedule(Instant at, String editor, Instant now) {
        requireBody();
        if (at == null || !at.isAfter(now)) {
            throw new InvalidContentException(List.of(new Violation("publishAt", "must be in the future")));
        }
        return switch (status) {
            case DRAFT, SCHEDULED, UNPUBLISHED ->
                    Change.silent(withStatus(ArticleStatus.SCHEDULED, at, publishedAt, unpublishedAt, editor, now));
            case PUBLISHED -> throw new IllegalTransitionException("the article is already published");
        };
    }

    /** Publishes a scheduled article whose time has come; anything else is left as it is. */
    public Optional<Change> publishIfDue(Instant now) {
        if (status != ArticleStatus.SCHEDULED || publishAt == null || publishAt.isAfter(now)) {
            return Optional.empty();
        }
        Instant at = publishedAt != null ? publishedAt : publishAt;
        return Optional.of(Change.announced(withStatus(ArticleStatus.PUBLISHED, null, at, null, updatedBy, now),
                ArticleEventType.PUBLISHED));
    }

    /** Takes a published article down, or cancels a schedule (back to draft). */
    public Change unpublish(String editor, Instant now) {
        return switch (status) {
            case PUBLISHED -> Change.announced(
                    withStatus(ArticleStatus.UNPUBLISHED, null, publishedAt, now, editor, now),
                    ArticleEventType.UNPUBLISHED);
            case SCHEDULED -> Change.silent(withStatus(
                    publishedAt != null ? ArticleStatus.UNPUBLISHED : ArticleStatus.DRAFT, null, publishedAt,
                    unpublishedAt, editor, now));
            case DRAFT, UNPUBLISHED -> throw new IllegalTransitionException("the article is not published");
        };
    }

    private void requireBody() {
        if (!content.hasBody()) {
            throw new IllegalTransitionException("an article needs a body before it is published");
        }
    }

    private Article withStatus(ArticleStatus next, Instant nextPublishAt, Instant nextPublishedAt,
                               Instant nextUnpublishedAt, String editor, Instant now) {
        return new Article(id, slug, content, html, teaserHtml, keywords, next, nextPublishAt, nextPublishedAt,
                nextUnpublishedAt, revision, version + 1, createdAt, now, createdBy, editor);
    }

    private static List<String> keywordsOf(ArticleContent c) {
        return Keywords.of(c.title(), c.dek(), ArticleHtml.plainText(c.body()), String.join(" ", c.authors()),
                String.join(" ", c.tags()));
    }
}
