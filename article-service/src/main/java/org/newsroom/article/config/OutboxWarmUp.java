package org.newsroom.article.config;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fetches the article topic's metadata once at start-up, off the request and database threads. The
 * outbox relay sends from the thread that read the document; without this, the first send after a
 * start waits there for metadata (and, on a fresh broker, for the topic to be created).
 */
@Component
class OutboxWarmUp {

    private static final Logger log = LoggerFactory.getLogger(OutboxWarmUp.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    OutboxWarmUp(@Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
                 @Value("${newsroom.events.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Mono.fromCallable(() -> kafka.partitionsFor(topic))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(60))
                .subscribe(partitions -> log.debug("{} has {} partitions", topic, partitions.size()),
                        e -> log.warn("Metadata of {} not fetched at start-up: {}", topic, e.toString()));
    }
}
