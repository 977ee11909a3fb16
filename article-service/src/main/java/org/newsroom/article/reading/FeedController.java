package org.newsroom.article.reading;

import java.time.Clock;

import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.article.content.domain.ArticleContent;
import org.newsroom.defaults.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/articles/feed.atom}: the latest published articles as Atom, optionally of one tag. */
@RestController
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleStore articles;
    private final Clock clock;
    private final String publicUrl;
    private final int size;

    FeedController(ArticleStore articles, Clock clock,
                   @Value("${newsroom.articles.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${newsroom.articles.feed-size:20}") int size) {
        this.articles = articles;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.size = size;
    }

    @GetMapping(value = "/api/articles/feed.atom")
    Mono<ResponseEntity<String>> feed(@RequestParam(required = false) String tag) {
        String t = tag == null || tag.isBlank() ? null : ArticleContent.normaliseTag(tag);
        if (t != null && (t.length() > ArticleContent.MAX_TAG || !t.matches("[a-z0-9]+(-[a-z0-9]+)*"))) {
            return Mono.error(ProblemException.invalid("tag", "must be 1 to " + ArticleContent.MAX_TAG
                    + " letters, digits or hyphens"));
        }
        return articles.published(t, null, null, null, size).collectList()
                .map(list -> ResponseEntity.ok()
                        .contentType(ATOM)
                        .cacheControl(CacheControl.maxAge(ReadingController.PUBLIC_MAX_AGE).cachePublic())
                        .body(AtomFeed.write(publicUrl, t, list, ClockTime.now(clock))));
    }
}
