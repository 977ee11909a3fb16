package org.newsroom.article.editorial;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes scheduled articles when their time comes, on a fixed delay
 * ({@code newsroom.articles.schedule-interval}, default 5s), by the injectable clock. Each article is
 * published with a version-fenced write, so two instances running the same sweep publish it once.
 */
@Component
class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleStore articles;
    private final EditorialService editorial;
    private final Clock clock;

    ScheduledPublisher(ArticleStore articles, EditorialService editorial, Clock clock) {
        this.articles = articles;
        this.editorial = editorial;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${newsroom.articles.schedule-interval:5s}",
            initialDelayString = "${newsroom.articles.schedule-interval:5s}")
    void run() {
        try {
            Long published = publishDue().block(Duration.ofSeconds(30));
            if (published != null && published > 0) {
                log.info("Published {} scheduled article(s)", published);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing scheduled articles failed; next run tries again: {}", e.toString());
        }
    }

    /** Publishes every scheduled article that is due now; the number published. */
    Mono<Long> publishDue() {
        return articles.due(ClockTime.now(clock))
                .concatMap(editorial::publishIfDue)
                .count();
    }
}
