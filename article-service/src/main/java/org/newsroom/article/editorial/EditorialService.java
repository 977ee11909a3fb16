package org.newsroom.article.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.newsroom.article.commission.CommissionStore;
import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.ArticleEventData;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.article.content.domain.Article;
import org.newsroom.article.content.domain.ArticleContent;
import org.newsroom.article.content.domain.ArticleEventType;
import org.newsroom.article.content.domain.Change;
import org.newsroom.article.content.domain.IllegalTransitionException;
import org.newsroom.article.content.domain.InvalidContentException;
import org.newsroom.article.content.domain.Slugs;
import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The editorial workflow: drafts, revisions, publishing now or later, unpublishing. */
@Service
public class EditorialService {

    private static final Logger log = LoggerFactory.getLogger(EditorialService.class);

    private final ArticleStore articles;
    private final CommissionStore commissions;
    private final EventFactory events;
    private final Clock clock;

    EditorialService(ArticleStore articles, CommissionStore commissions, EventFactory events, Clock clock) {
        this.articles = articles;
        this.commissions = commissions;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Article> create(ArticleContent content, String editor) {
        return create(UUID.randomUUID().toString(), content, editor);
    }

    /** Creates a draft with the given id; the slug is the first free one made from the title. */
    public Mono<Article> create(String id, ArticleContent content, String editor) {
        return Mono.defer(() -> articles.freeSlug(Slugs.fromTitle(content.title()), null)
                        .map(slug -> Article.draft(id, slug, content, editor, ClockTime.now(clock)))
                        .flatMap(draft -> articles.insert(draft, List.of())))
                .retryWhen(slugRace());
    }

    public Mono<Article> revise(String id, ArticleContent content, String editor) {
        return load(id).flatMap(current -> {
            Mono<String> slug = current.slugIsFixed() ? Mono.just(current.slug())
                    : articles.freeSlug(Slugs.fromTitle(content.title()), id);
            return slug.flatMap(s -> save(current, current.revise(content, s, editor, ClockTime.now(clock))));
        }).retryWhen(slugRace());
    }

    /** Publishes now when {@code at} is null, otherwise schedules. */
    public Mono<Article> publish(String id, Instant at, String editor) {
        return load(id).flatMap(current -> {
            Instant now = ClockTime.now(clock);
            Change change = at == null ? current.publish(editor, now) : current.schedule(at, editor, now);
            return save(current, change);
        });
    }

    public Mono<Article> unpublish(String id, String editor) {
        return load(id).flatMap(current -> save(current, current.unpublish(editor, ClockTime.now(clock))));
    }

    /** Publishes one scheduled article whose time has come; empty if it is not due or changed meanwhile. */
    Mono<Article> publishIfDue(Article scheduled) {
        return Mono.justOrEmpty(scheduled.publishIfDue(ClockTime.now(clock)))
                .flatMap(change -> write(scheduled, change));
    }

    public Mono<Article> load(String id) {
        return articles.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no article " + id + ".")));
    }

    private Mono<Article> save(Article current, Change change) {
        return write(current, change).switchIfEmpty(Mono.error(() -> ProblemException.conflict("edit-conflict",
                "The article was changed by someone else meanwhile; load it again and repeat your change.")));
    }

    private Mono<Article> write(Article current, Change change) {
        List<OutboxEvent> outbox = change.event()
                .map(type -> List.of(events.create(type.type(), change.article().id(),
                        ArticleEventData.of(change.article(), type == ArticleEventType.UNPUBLISHED))))
                .orElse(List.of());
        return articles.update(current, change.article(), outbox)
                .flatMap(saved -> change.event().filter(e -> e == ArticleEventType.PUBLISHED)
                        .flatMap(e -> saved.topicId())
                        .map(topic -> commissions.deliver(topic, saved.id(), saved.slug(), ClockTime.now(clock))
                                .doOnError(e -> log.warn("Commission for topic {} not marked delivered yet: {}", topic,
                                        e.toString()))
                                .onErrorResume(e -> Mono.empty())
                                .thenReturn(saved))
                        .orElse(Mono.just(saved)));
    }

    private static Retry slugRace() {
        return Retry.max(3).filter(e -> e instanceof DuplicateKeyException);
    }

    /** Domain refusals as problem answers: rules broken are 400s, steps not allowed now are 409s. */
    static Throwable problem(Throwable e) {
        if (e instanceof InvalidContentException invalid) {
            return ProblemException.invalid(invalid.violations().stream()
                    .map(v -> new ProblemException.FieldProblem(v.field(), v.message())).toList());
        }
        if (e instanceof IllegalTransitionException illegal) {
            return ProblemException.conflict("illegal-transition", illegal.getMessage());
        }
        return e;
    }
}
