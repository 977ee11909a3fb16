package org.newsroom.article.editorial;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.config.Caller;
import org.newsroom.article.content.ArticleDocument;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.article.content.Cursor;
import org.newsroom.article.content.Page;
import org.newsroom.article.content.RevisionDocument;
import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.ArticleContent;
import org.newsroom.article.content.domain.ArticleStatus;
import org.newsroom.article.content.domain.Visibility;
import org.newsroom.defaults.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The editors' API (the security rules admit only the EDITOR role here). */
@RestController
@RequestMapping("/api/editorial/articles")
class EditorialController {

    static final int MAX_LIMIT = 100;

    private final EditorialService editorial;
    private final ArticleStore articles;

    EditorialController(EditorialService editorial, ArticleStore articles) {
        this.editorial = editorial;
        this.articles = articles;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EditorialArticle> create(@RequestBody DraftRequest draft, ServerWebExchange exchange) {
        return Caller.of(exchange)
                .flatMap(caller -> editorial.create(draft.toContent(), caller.memberId()))
                .map(EditorialArticle::of)
                .onErrorMap(EditorialService::problem);
    }

    @PutMapping("/{id}")
    Mono<EditorialArticle> revise(@PathVariable String id, @RequestBody DraftRequest draft,
                                  ServerWebExchange exchange) {
        return Caller.of(exchange)
                .flatMap(caller -> editorial.revise(id, draft.toContent(), caller.memberId()))
                .map(EditorialArticle::of)
                .onErrorMap(EditorialService::problem);
    }

    @GetMapping("/{id}")
    Mono<EditorialArticle> get(@PathVariable String id) {
        return editorial.load(id).map(EditorialArticle::of);
    }

    @GetMapping
    Mono<Page<EditorialArticle>> list(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Cursor.limit(limit, 20, MAX_LIMIT);
            ArticleStatus wanted = parseStatus(status);
            Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
            return articles.forEditors(wanted, after, size + 1).collectList().map(docs -> {
                String next = docs.size() > size
                        ? new Cursor(docs.get(size - 1).createdAt(), docs.get(size - 1).id()).encode() : null;
                List<EditorialArticle> items = docs.stream().limit(size).map(ArticleDocument::toArticle)
                        .map(EditorialArticle::of).toList();
                return new Page<>(items, next);
            });
        });
    }

    @GetMapping("/{id}/revisions")
    Mono<Page<RevisionView>> revisions(@PathVariable String id, @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Cursor.limit(limit, 20, MAX_LIMIT);
            Integer before = parseRevisionCursor(cursor);
            return editorial.load(id).flatMap(article -> articles.revisions(article, before, size + 1).collectList())
                    .map(docs -> new Page<>(docs.stream().limit(size).map(RevisionView::of).toList(),
                            docs.size() > size ? String.valueOf(docs.get(size - 1).revision()) : null));
        });
    }

    @PostMapping("/{id}/publish")
    Mono<EditorialArticle> publish(@PathVariable String id, @RequestBody(required = false) PublishRequest request,
                                   ServerWebExchange exchange) {
        return Mono.defer(() -> {
            Instant at = request == null ? null : request.at();
            return Caller.of(exchange).flatMap(caller -> editorial.publish(id, at, caller.memberId()));
        }).map(EditorialArticle::of).onErrorMap(EditorialService::problem);
    }

    @PostMapping("/{id}/unpublish")
    Mono<EditorialArticle> unpublish(@PathVariable String id, ServerWebExchange exchange) {
        return Caller.of(exchange)
                .flatMap(caller -> editorial.unpublish(id, caller.memberId()))
                .map(EditorialArticle::of)
                .onErrorMap(EditorialService::problem);
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be DRAFT, SCHEDULED, PUBLISHED or UNPUBLISHED");
        }
    }

    private static Integer parseRevisionCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this service gave out");
        }
    }

    /** What an editor sends for a draft or a revision. */
    record DraftRequest(String title, String dek, String body, List<String> tags, List<String> authors,
                        String visibility, String topicId) {

        ArticleContent toContent() {
            return ArticleContent.of(title, dek, body, tags, authors, visibility, topicId);
        }
    }

    /** Publish now (no body, or no {@code publishAt}) or at a future time. */
    record PublishRequest(String publishAt) {

        Instant at() {
            if (publishAt == null || publishAt.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(publishAt.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("publishAt", "must be an ISO-8601 time such as 2026-05-01T06:00:00Z");
            }
        }
    }

    record EditorialArticle(String id, String slug, ArticleStatus status, String title, String dek, String body,
                            List<String> tags, List<String> authors, Visibility visibility, String topicId,
                            String html, Instant publishAt, Instant publishedAt, Instant unpublishedAt, int revision,
                            long version, Instant createdAt, Instant updatedAt) {

        static EditorialArticle of(Article a) {
            ArticleContent c = a.content();
            return new EditorialArticle(a.id(), a.slug(), a.status(), c.title(), c.dek(), c.body(), c.tags(),
                    c.authors(), c.visibility(), c.topicId(), a.html(), a.publishAt(), a.publishedAt(),
                    a.unpublishedAt(), a.revision(), a.version(), a.createdAt(), a.updatedAt());
        }
    }

    record RevisionView(int revision, String slug, String title, String dek, String body, List<String> tags,
                        List<String> authors, Visibility visibility, String topicId, Instant savedAt,
                        String savedBy) {

        static RevisionView of(RevisionDocument r) {
            return new RevisionView(r.revision(), r.slug(), r.title(), r.dek(), r.body(), r.tags(), r.authors(),
                    r.visibility(), r.topicId(), r.savedAt(), r.savedBy());
        }
    }
}
