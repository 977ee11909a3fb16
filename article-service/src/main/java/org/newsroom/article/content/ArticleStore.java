package org.newsroom.article.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.ArticleStatus;
import org.newsroom.article.content.domain.Slugs;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Articles and their revisions in MongoDB. Every change of an article, with the events it causes, is
 * one single-document write fenced by the article's version, so two editors cannot overwrite each
 * other unknowingly and an event cannot be written without its change.
 */
@Component
public class ArticleStore {

    /** How many numbered candidates ("-2", "-3", ...) to try for a slug that is taken. */
    static final int SLUG_CANDIDATES = 50;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public ArticleStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<Article> findById(String id) {
        return mongo.findById(id, ArticleDocument.class).map(ArticleDocument::toArticle);
    }

    public Mono<Article> findBySlug(String slug) {
        return mongo.findOne(Query.query(Criteria.where("slug").is(slug)), ArticleDocument.class)
                .map(ArticleDocument::toArticle);
    }

    /**
     * The first free slug among {@code base}, {@code base-2}, ... that no other article holds. The
     * unique index on {@code slug} has the last word when two saves race for the same one.
     */
    public Mono<String> freeSlug(String base, String ownId) {
        return Flux.range(1, SLUG_CANDIDATES)
                .map(n -> Slugs.candidate(base, n))
                .concatMap(candidate -> mongo.findOne(Query.query(Criteria.where("slug").is(candidate)),
                                Document.class, ArticleDocument.COLLECTION)
                        .map(doc -> ownId != null && ownId.equals(doc.get("_id")))
                        .defaultIfEmpty(true)
                        .filter(free -> free)
                        .map(free -> candidate))
                .next()
                .switchIfEmpty(Mono.fromSupplier(() -> Slugs.candidate(base, (int) (System.nanoTime() % 1_000_000))));
    }

    /** Stores a new article with its first revision. Fails with DuplicateKeyException if the slug was taken meanwhile. */
    public Mono<Article> insert(Article article, List<OutboxEvent> events) {
        return saveRevision(article)
                .then(mongo.insert(ArticleDocument.of(article, events)))
                .map(ArticleDocument::toArticle)
                .flatMap(saved -> publishOutbox(saved.id()).thenReturn(saved));
    }

    /**
     * Replaces the article if it is still at {@code previous}'s version, appending {@code events} to
     * its outbox in the same write. Empty if someone else changed it first.
     */
    public Mono<Article> update(Article previous, Article next, List<OutboxEvent> events) {
        Document fields = new Document();
        mongo.getConverter().write(ArticleDocument.of(next, List.of()), fields);
        fields.remove("_id");
        fields.remove("_class");
        fields.remove("outbox");
        Update update = new Update();
        fields.forEach(update::set);
        if (!events.isEmpty()) {
            List<Document> pending = new ArrayList<>();
            for (OutboxEvent e : events) {
                Document d = new Document();
                mongo.getConverter().write(e, d);
                d.remove("_class");
                pending.add(d);
            }
            update.push("outbox").each(pending.toArray());
        }
        Query fence = Query.query(Criteria.where("_id").is(previous.id()).and("version").is(previous.version()));
        Mono<Void> revision = next.revision() != previous.revision() ? saveRevision(next) : Mono.empty();
        return revision
                .then(mongo.updateFirst(fence, update, ArticleDocument.COLLECTION))
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> next)
                .flatMap(saved -> publishOutbox(saved.id()).thenReturn(saved));
    }

    /** Hands the waiting events to the relay without holding up the caller; the sweep covers failures. */
    private Mono<Void> publishOutbox(String id) {
        relay.publish(ArticleDocument.COLLECTION, id).subscribeOn(Schedulers.boundedElastic()).subscribe();
        return Mono.empty();
    }

    private Mono<Void> saveRevision(Article article) {
        return mongo.save(RevisionDocument.of(article)).then();
    }

    public Flux<RevisionDocument> revisions(Article article, Integer before, int limit) {
        int below = before == null ? article.revision() + 1 : Math.min(before, article.revision() + 1);
        return mongo.find(Query.query(Criteria.where("articleId").is(article.id()).and("revision").lt(below))
                .with(Sort.by(Sort.Order.desc("revision"))).limit(limit), RevisionDocument.class);
    }

    /** Published articles newest first, matching every given filter (null filters match all). */
    public Flux<ArticleDocument> published(String tag, String authorKey, List<String> words, Cursor after, int limit) {
        return published(tag, authorKey, words, after, limit, false);
    }

    /**
     * @param summariesOnly leave out body, HTML and keywords: a list shows none of them, and they are
     *                      most of an article's bytes
     */
    public Flux<ArticleDocument> published(String tag, String authorKey, List<String> words, Cursor after, int limit,
                                           boolean summariesOnly) {
        Criteria c = Criteria.where("status").is(ArticleStatus.PUBLISHED);
        if (tag != null) {
            c = c.and("tags").is(tag);
        }
        if (authorKey != null) {
            c = c.and("authorKeys").is(authorKey);
        }
        if (words != null && !words.isEmpty()) {
            c = c.and("keywords").all(words);
        }
        Query query = page(c, "publishedAt", after, limit);
        if (summariesOnly) {
            query.fields().exclude("body", "html", "teaserHtml", "keywords", "outbox");
        }
        return mongo.find(query, ArticleDocument.class);
    }

    /** Articles for editors, most recently created first, optionally of one status. */
    public Flux<ArticleDocument> forEditors(ArticleStatus status, Cursor after, int limit) {
        Criteria c = status == null ? null : Criteria.where("status").is(status);
        return mongo.find(page(c, "createdAt", after, limit), ArticleDocument.class);
    }

    /** A page of a list sorted by {@code timeField} then id, both descending, starting after the cursor. */
    public static Query page(Criteria filter, String timeField, Cursor after, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (filter != null) {
            all.add(filter);
        }
        if (after != null) {
            all.add(new Criteria().orOperator(
                    Criteria.where(timeField).lt(after.at()),
                    Criteria.where(timeField).is(after.at()).and("_id").lt(after.id())));
        }
        Query q = all.isEmpty() ? new Query() : all.size() == 1 ? new Query(all.get(0))
                : new Query(new Criteria().andOperator(all));
        return q.with(Sort.by(Sort.Order.desc(timeField), Sort.Order.desc("_id"))).limit(limit);
    }

    /** Scheduled articles whose time has come. */
    public Flux<Article> due(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(ArticleStatus.SCHEDULED).and("publishAt").lte(now)),
                ArticleDocument.class).map(ArticleDocument::toArticle);
    }

    public Mono<Article> publishedWithTopic(String topicId) {
        return mongo.findOne(Query.query(Criteria.where("status").is(ArticleStatus.PUBLISHED).and("topicId").is(topicId))
                        .with(Sort.by(Sort.Order.asc("publishedAt"))), ArticleDocument.class)
                .map(ArticleDocument::toArticle);
    }

    /** Tags of published articles with how many published articles carry each, most used first. */
    public Flux<TagCount> tagCounts() {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(ArticleStatus.PUBLISHED)),
                Aggregation.project("tags"),
                Aggregation.unwind("tags"),
                Aggregation.group("tags").count().as("count"));
        return mongo.aggregate(aggregation, ArticleDocument.COLLECTION, Document.class)
                .map(d -> new TagCount(d.getString("_id"), ((Number) d.get("count")).longValue()))
                .sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.tag().compareTo(b.tag()));
    }

    public record TagCount(String tag, long count) {
    }

    static boolean isSlugConflict(Throwable e) {
        return e instanceof DuplicateKeyException && String.valueOf(e.getMessage()).contains("slug");
    }
}
