package org.newsroom.voting.topic;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventHandlers;
import org.newsroom.defaults.outbox.EventFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/**
 * A published article with a topicId covers that topic (or, for a merged duplicate, the topic it
 * was merged into): the topic turns COVERED and TopicCovered is published. Applying it twice
 * changes nothing, since a covered topic stays covered.
 */
@Configuration(proxyBeanMethods = false)
class ArticleCoverageConsumer {

    private static final Logger log = LoggerFactory.getLogger(ArticleCoverageConsumer.class);
    static final String PUBLISHED = "org.newsroom.article.published.v1";

    record Published(String articleId, String slug, String topicId, Instant publishedAt) {
    }

    @Bean
    Consumer<Message<byte[]>> articleCoverage(EventConsumers consumers, TopicStore topics, EventFactory events,
            Clock clock) {
        return consumers.consumer("voting-articles", EventHandlers.builder()
                .on(PUBLISHED, Published.class, (event, data) -> data.topicId() == null ? Mono.empty()
                        : cover(topics, events, clock, data.topicId(), data, 0))
                .build());
    }

    private static Mono<Boolean> cover(TopicStore topics, EventFactory events, Clock clock, String topicId,
            Published article, int hops) {
        return topics.find(topicId).flatMap(t -> {
            if (t.status() == TopicStatus.MERGED && t.mergedInto() != null && hops < 10) {
                return cover(topics, events, clock, t.mergedInto(), article, hops + 1);
            }
            if (!t.canBeCovered()) {
                log.info("Article {} names topic {}, which is {}: nothing to cover", article.articleId(), topicId,
                        t.status());
                return Mono.just(false);
            }
            Topic next = t.cover(article.articleId());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return topics.tryUpdate(next, List.of(events.create(TopicEvents.COVERED, t.id(),
                    new TopicEvents.Covered(t.id(), article.articleId(), article.slug(), now, next.version()))))
                    .flatMap(done -> done ? Mono.just(true)
                            // the topic changed meanwhile: look again
                            : cover(topics, events, clock, topicId, article, hops + 1));
        }).defaultIfEmpty(false);
    }
}
