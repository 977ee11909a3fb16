package org.newsroom.defaults.events;

import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the consumers a service binds with Spring Cloud Stream. They are plain
 * {@code Consumer<Message<byte[]>>} functions, so the binder's bounded retries and dead-letter
 * topic apply: a handler that keeps failing sends its record to {@code error.<topic>.<group>} and
 * the partition moves on. Each event id is applied once per consumer; types a consumer does not
 * know are skipped.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Duration timeout;
    private final MeterRegistry meters;

    public EventConsumers(ProcessedEvents processed, JsonMapper json, EventsProperties properties, MeterRegistry meters) {
        this.processed = processed;
        this.json = json;
        this.timeout = properties.consumerTimeout();
        this.meters = meters;
    }

    public Consumer<Message<byte[]>> consumer(String name, EventHandlers handlers) {
        return message -> {
            InboundEvent event = InboundEvent.from(message);
            if (!handlers.knows(event.type())) {
                count(name, event.type(), "skipped");
                return;
            }
            if (event.id() == null) {
                throw new IllegalArgumentException("Event of type " + event.type() + " has no ce_id");
            }
            if (Boolean.TRUE.equals(processed.isApplied(name, event.id()).block(timeout))) {
                count(name, event.type(), "duplicate");
                log.debug("{} skips event {} ({}): applied before", name, event.id(), event.type());
                return;
            }
            try {
                handlers.apply(event, json)
                        .then(processed.record(name, event.id()))
                        .block(timeout);
            }
            catch (RuntimeException e) {
                count(name, event.type(), "failed");
                log.warn("{} failed to apply event {} ({}) from {}-{}@{}: {}", name, event.id(), event.type(),
                        event.topic(), event.partition(), event.offset(), e.toString());
                throw e;
            }
            count(name, event.type(), "applied");
        };
    }

    private void count(String consumer, String type, String outcome) {
        meters.counter("newsroom.events.consumed", "consumer", consumer, "type", String.valueOf(type),
                "outcome", outcome).increment();
    }
}
