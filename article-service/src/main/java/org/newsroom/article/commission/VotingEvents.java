package org.newsroom.article.commission;

import java.time.Clock;
import java.util.function.Consumer;

import org.newsroom.article.commission.domain.Commission;
import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.ArticleStore;
import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Turns poll results from {@code newsroom.voting.v1} (binding {@code voting-in-0}) into commissions.
 * The commission's id comes from the poll's, so a redelivered result finds it and adds nothing.
 */
@Configuration(proxyBeanMethods = false)
class VotingEvents {

    static final String POLL_CLOSED = "org.newsroom.voting.poll-closed.v1";

    private static final Logger log = LoggerFactory.getLogger(VotingEvents.class);

    record Selected(String topicId, String title, Double voteShare) {
    }

    record PollClosed(String pollId, Selected selected) {
    }

    @Bean
    Consumer<Message<byte[]>> voting(EventConsumers consumers, CommissionStore commissions, ArticleStore articles,
                                     Clock clock) {
        return consumers.consumer("voting", EventHandlers.builder()
                .on(POLL_CLOSED, PollClosed.class, (event, data) -> {
                    if (data.pollId() == null || data.pollId().isBlank()) {
                        throw new IllegalArgumentException("poll-closed without pollId");
                    }
                    Selected s = data.selected();
                    if (s == null || s.topicId() == null) {
                        log.info("Poll {} closed without a selected topic; nothing to commission", data.pollId());
                        return Mono.empty();
                    }
                    Commission commission = Commission.open(data.pollId(), s.topicId(),
                            s.title() == null ? "" : s.title(), s.voteShare() == null ? 0 : s.voteShare(),
                            ClockTime.now(clock));
                    // An article on the topic may be out already (events from two topics keep no order).
                    return commissions.createOnce(commission)
                            .then(articles.publishedWithTopic(s.topicId())
                                    .flatMap(a -> commissions.deliver(s.topicId(), a.id(), a.slug(),
                                            ClockTime.now(clock))));
                })
                .build());
    }
}
