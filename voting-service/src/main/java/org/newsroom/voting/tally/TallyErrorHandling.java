package org.newsroom.voting.tally;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failure handling of the tally binding, which is in batch mode: the binder neither retries batches
 * nor dead-letters a single record of one (its own batch dead-lettering sends the whole poll), so the
 * tally container gets an error handler of its own. The consumer reports the first record it did not
 * finish ({@code BatchListenerFailedException} with the index); the handler commits everything before
 * it and then:
 * <ul>
 * <li>an unreadable record goes to the dead-letter topic {@code error.<destination>.<group>} at once,
 * and the records after it are delivered again and counted;</li>
 * <li>any other failure (the database away or slow, a concurrent change of the tally) is retried
 * from that record with a growing pause, without limit: a valid ballot is never dead-lettered, since
 * the tally would then miss it. The partition waits while the database is away, and goes on when it
 * is back.</li>
 * </ul>
 * The other bindings keep the binder's own retries and dead-lettering.
 */
@Configuration(proxyBeanMethods = false)
class TallyErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(TallyErrorHandling.class);

    /** Sends unreadable tally records, key and value as they were, to the dead-letter topic. */
    @Bean
    DefaultKafkaProducerFactory<byte[], byte[]> tallyDeadLetterProducer(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer tallyContainerCustomizer(
            DefaultKafkaProducerFactory<byte[], byte[]> tallyDeadLetterProducer,
            @Value("${spring.cloud.stream.bindings.tally-in-0.destination}") String tallyDestination) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    BackOff backOff) {
                if (!tallyDestination.equals(destinationName)) {
                    return;
                }
                DefaultErrorHandler handler = new DefaultErrorHandler(
                        recoverer(tallyDeadLetterProducer, dlqDestinationResolver, "error." + destinationName + "." + group),
                        retryForever());
                handler.addNotRetryableExceptions(TallyConsumer.UnreadableBallot.class);
                handler.setBackOffFunction((record, e) -> unreadable(e) ? new FixedBackOff(0, 0) : null);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return !tallyDestination.equals(destinationName);
            }
        };
    }

    /** 0.2 s, 0.4 s, ... up to 5 s between attempts, for as long as it takes. */
    static ExponentialBackOff retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5000);
        return backOff;
    }

    static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TallyConsumer.UnreadableBallot) {
                return true;
            }
        }
        return false;
    }

    private static ConsumerRecordRecoverer recoverer(DefaultKafkaProducerFactory<byte[], byte[]> producer,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, String defaultName) {
        if (dlqDestinationResolver == null) {
            return (record, e) -> log.error("unreadable record {}-{}@{} skipped (no dead-letter topic): {}",
                    record.topic(), record.partition(), record.offset(), e.toString());
        }
        return new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producer), (record, e) -> {
            // the binder's resolver knows a configured dlq-name only; the default name is the binder's
            // convention, and the producer picks the partition (the topic may have fewer than ours)
            TopicPartition configured = dlqDestinationResolver.apply(record, e);
            String topic = configured == null || configured.topic() == null ? defaultName : configured.topic();
            log.warn("unreadable record {}-{}@{} sent to {}", record.topic(), record.partition(), record.offset(), topic);
            return new TopicPartition(topic, -1);
        });
    }
}
