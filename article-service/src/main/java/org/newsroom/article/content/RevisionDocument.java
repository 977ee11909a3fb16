package org.newsroom.article.content;

import java.time.Instant;
import java.util.List;

import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved version of an article, kept for good. Its id is {@code <articleId>:<revision>}, so
 * saving the same revision again (a retried request) overwrites rather than duplicates; a revision
 * counts only once the article itself has reached it.
 */
@Document(RevisionDocument.COLLECTION)
public record RevisionDocument(@Id String id, String articleId, int revision, String slug, String title, String dek,
                               String body, List<String> tags, List<String> authors, Visibility visibility,
                               String topicId, Instant savedAt, String savedBy) {

    public static final String COLLECTION = "article_revisions";

    public static RevisionDocument of(Article a) {
        return new RevisionDocument(a.id() + ":" + a.revision(), a.id(), a.revision(), a.slug(), a.content().title(),
                a.content().dek(), a.content().body(), a.content().tags(), a.content().authors(),
                a.content().visibility(), a.content().topicId(), a.updatedAt(), a.updatedBy());
    }
}
