package org.newsroom.defaults.config;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.defaults.events.AppliedEvents;
import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventsProperties;
import org.newsroom.defaults.events.ProcessedEvents;
import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxProperties;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The event plumbing every service shares: outbox relay, consumers, exactly-once application. */
@AutoConfiguration
@EnableConfigurationProperties({ EventsProperties.class, OutboxProperties.class, KafkaProperties.class })
public class NewsroomEventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventFactory eventFactory(JsonMapper json, Clock clock) {
        return new EventFactory(json, clock);
    }

    /**
     * The outbox's own producer: idempotent, {@code acks=all}, String keys, the event data as bytes.
     * These settings are not left to configuration: the delivery guarantee depends on them.
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // With the broker away, give up within seconds: the event stays in the outbox for the sweep.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("newsroom.events.topic")
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            EventsProperties events, OutboxProperties outbox, MeterRegistry meters) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, events.topic(), events.source(), outbox, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AppliedEvents appliedEvents(ReactiveMongoTemplate mongo) {
        return new AppliedEvents(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(ProcessedEvents processed, JsonMapper json, EventsProperties properties,
            MeterRegistry meters) {
        return new EventConsumers(processed, json, properties, meters);
    }
}
