package org.newsroom.article.reading;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.newsroom.article.config.Caller;
import org.newsroom.article.content.ArticleDocument;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.article.content.Cursor;
import org.newsroom.article.content.Page;
import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.ArticleContent;
import org.newsroom.article.content.domain.Keywords;
import org.newsroom.article.content.domain.Slugs;
import org.newsroom.article.content.domain.Visibility;
import org.newsroom.article.patron.PatronStore;
import org.newsroom.defaults.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The public reading API: lists, search, single articles with patron gating, and tags. */
@RestController
class ReadingController {

    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY = 200;
    static final Duration PUBLIC_MAX_AGE = Duration.ofSeconds(60);

    private final ArticleStore articles;
    private final PatronStore patrons;

    ReadingController(ArticleStore articles, PatronStore patrons) {
        this.articles = articles;
        this.patrons = patrons;
    }

    @GetMapping("/api/articles")
    Mono<Page<ArticleSummary>> list(@RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) String author,
                                    @RequestParam(required = false) String q) {
        return Mono.defer(() -> {
            int size = Cursor.limit(limit, 20, MAX_LIMIT);
            Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
            String tagFilter = tag == null || tag.isBlank() ? null : ArticleContent.normaliseTag(tag);
            String authorFilter = author == null || author.isBlank() ? null : ArticleDocument.authorKey(author);
            if (q != null && q.length() > MAX_QUERY) {
                throw ProblemException.invalid("q", "must be at most " + MAX_QUERY + " characters");
            }
            List<String> words = q == null ? List.of() : Keywords.query(q);
            return articles.published(tagFilter, authorFilter, words, after, size + 1, true).collectList().map(docs -> {
                String next = docs.size() > size
                        ? new Cursor(docs.get(size - 1).publishedAt(), docs.get(size - 1).id()).encode() : null;
                return new Page<>(docs.stream().limit(size).map(ArticleSummary::of).toList(), next);
            });
        });
    }

    @GetMapping("/api/articles/{slug}")
    Mono<ResponseEntity<PublicArticle>> article(@PathVariable String slug,
                                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                                String ifNoneMatch,
                                                ServerWebExchange exchange) {
        if (!Slugs.isValid(slug)) {
            return Mono.error(ProblemException.notFound("There is no article " + slug + "."));
        }
        return articles.findBySlug(slug)
                .filter(Article::isPublished)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no article " + slug + ".")))
                .flatMap(article -> mayRead(article, exchange).map(full -> {
                    String etag = etag(article, full);
                    CacheControl cache = article.content().visibility() == Visibility.PUBLIC
                            ? CacheControl.maxAge(PUBLIC_MAX_AGE).cachePublic()
                            : CacheControl.noCache().cachePrivate();
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(cache)
                            .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
                    if (matches(ifNoneMatch, etag)) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache)
                                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).<PublicArticle>build();
                    }
                    return ok.body(PublicArticle.of(article, full));
                }));
    }

    @GetMapping("/api/tags")
    Mono<TagList> tags() {
        return articles.tagCounts().map(t -> new TagItem(t.tag(), t.count())).collectList().map(TagList::new);
    }

    /** Everyone reads public articles; patrons-only ones in full only by patrons and editors. */
    private Mono<Boolean> mayRead(Article article, ServerWebExchange exchange) {
        if (article.content().visibility() == Visibility.PUBLIC) {
            return Mono.just(true);
        }
        return Caller.of(exchange).flatMap(caller -> caller.editor() ? Mono.just(true)
                : patrons.isPatron(caller.memberId()));
    }

    /** Changes with every change of the article and differs between the full text and the teaser. */
    static String etag(Article article, boolean full) {
        String raw = article.id() + ":" + article.version() + ":" + (full ? "full" : "teaser");
        return "\"" + UUID.nameUUIDFromBytes(raw.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }

    record ArticleSummary(String slug, String title, String dek, List<String> tags, List<String> authors,
                          Instant publishedAt, Visibility visibility, boolean patronsOnly, String topicId) {
        static ArticleSummary of(ArticleDocument a) {
            return new ArticleSummary(a.slug(), a.title(), a.dek(), a.tags(), a.authors(), a.publishedAt(),
                    a.visibility(), a.visibility() == Visibility.PATRONS, a.topicId());
        }
    }

    /**
     * A published article as a reader gets it. {@code patronsOnly} marks articles for patrons;
     * {@code teaser} says that {@code html} holds only the opening, because this reader is not one.
     */
    record PublicArticle(String slug, String title, String dek, String html, List<String> tags, List<String> authors,
                         Instant publishedAt, Visibility visibility, boolean patronsOnly, boolean teaser,
                         String topicId) {
        static PublicArticle of(Article a, boolean full) {
            ArticleContent c = a.content();
            return new PublicArticle(a.slug(), c.title(), c.dek(), full ? a.html() : a.teaserHtml(), c.tags(),
                    c.authors(), a.publishedAt(), c.visibility(), c.visibility() == Visibility.PATRONS, !full,
                    c.topicId());
        }
    }

    record TagItem(String tag, long count) {
    }

    record TagList(List<TagItem> items) {
    }
}
