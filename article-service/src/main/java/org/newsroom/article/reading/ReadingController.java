package org.newsroom.article.reading;

import java.util.List;

import org.newsroom.article.content.ArticleDocument;
import org.newsroom.article.content.domain.ArticleStatus;
import org.newsroom.article.content.domain.Visibility;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/articles")
class ReadingController {

    private final ReactiveMongoTemplate mongo;

    ReadingController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    Mono<Page<ArticleSummary>> list(@RequestParam(defaultValue = "20") int limit) {
        Query query = Query.query(Criteria.where("status").is(ArticleStatus.PUBLISHED))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(Math.max(1, Math.min(limit, 100)));
        return mongo.find(query, ArticleDocument.class)
                .map(ArticleSummary::of)
                .collectList()
                .map(items -> new Page<>(items, null));
    }

    record Page<T>(List<T> items, String next) {
    }

    record ArticleSummary(String slug, String title, String dek, List<String> tags, List<String> authors,
                          java.time.Instant publishedAt, Visibility visibility, boolean patronsOnly, String topicId) {
        static ArticleSummary of(ArticleDocument a) {
            return new ArticleSummary(a.slug(), a.title(), a.dek(), a.tags(), a.authors(), a.publishedAt(),
                    a.visibility(), a.visibility() == Visibility.PATRONS, a.topicId());
        }
    }
}
