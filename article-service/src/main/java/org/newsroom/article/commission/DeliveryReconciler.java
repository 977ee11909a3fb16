package org.newsroom.article.commission;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marking a commission delivered happens right after its article is published, in a second write;
 * should the process stop between the two, this periodic pass finds the published article and
 * finishes the job.
 */
@Component
class DeliveryReconciler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReconciler.class);

    private final CommissionStore commissions;
    private final ArticleStore articles;
    private final Clock clock;

    DeliveryReconciler(CommissionStore commissions, ArticleStore articles, Clock clock) {
        this.commissions = commissions;
        this.articles = articles;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${newsroom.commissions.reconcile-interval:60s}",
            initialDelayString = "${newsroom.commissions.reconcile-interval:60s}")
    void run() {
        try {
            commissions.undelivered()
                    .concatMap(c -> articles.publishedWithTopic(c.topicId())
                            .flatMap(a -> commissions.deliver(c.topicId(), a.id(), a.slug(), ClockTime.now(clock))))
                    .then()
                    .block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            log.warn("Reconciling commission deliveries failed; next run tries again: {}", e.toString());
        }
    }
}
