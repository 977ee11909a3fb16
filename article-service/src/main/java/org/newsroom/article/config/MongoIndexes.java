package org.newsroom.article.config;

import java.time.Duration;

import org.newsroom.article.content.ArticleDocument;
import org.newsroom.article.content.RevisionDocument;
import org.newsroom.article.commission.CommissionDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the indexes before the service takes requests (index auto-creation is off). The unique
 * slug index is what keeps slugs unique; the others only speed up queries on a real MongoDB, and a
 * server that cannot build them (the MongoDB-wire server scans instead) does not stop the service.
 */
@Component
class MongoIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final ReactiveMongoTemplate mongo;

    MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(ArticleDocument.COLLECTION)
                .createIndex(new Index().on("slug", Sort.Direction.ASC).unique().named("slug_unique"))
                .block(Duration.ofSeconds(30));
        optional(ArticleDocument.COLLECTION, new Index().on("status", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("status_published"));
        optional(ArticleDocument.COLLECTION, new Index().on("tags", Sort.Direction.ASC).named("tags"));
        optional(ArticleDocument.COLLECTION, new Index().on("keywords", Sort.Direction.ASC).named("keywords"));
        optional(RevisionDocument.COLLECTION, new Index().on("articleId", Sort.Direction.ASC)
                .on("revision", Sort.Direction.DESC).named("article_revision"));
        optional(CommissionDocument.COLLECTION, new Index().on("topicId", Sort.Direction.ASC).named("topic"));
    }

    private void optional(String collection, Index index) {
        mongo.indexOps(collection).createIndex(index)
                .onErrorResume(e -> {
                    log.debug("Index {} on {} not created: {}", index.getIndexKeys(), collection, e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(30));
    }
}
