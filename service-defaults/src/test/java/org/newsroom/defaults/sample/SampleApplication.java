package org.newsroom.defaults.sample;

import java.util.function.Consumer;

import org.newsroom.defaults.events.AppliedEvents;
import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventHandlers;
import org.newsroom.defaults.security.AccessRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;

/**
 * A minimal service built on service-defaults, used by its tests: notes written with an outbox
 * event, and counters kept by a consumer.
 */
@SpringBootApplication
public class SampleApplication {

    public static final String TOPIC = "newsroom.sample.v1";
    public static final String COUNTED = "org.newsroom.sample.counted.v1";

    @Bean
    AccessRules sampleAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/notes/**").permitAll()
                .pathMatchers("/api/editorial/**").hasRole("EDITOR");
    }

    @Bean
    Consumer<Message<byte[]>> counters(EventConsumers consumers, AppliedEvents applied) {
        return consumers.consumer("sample-counters", EventHandlers.builder()
                .on(COUNTED, Counted.class, (event, data) -> applied.applyOnce("counters", data.counterId(),
                        event.id(), new Update().inc("total", data.amount())))
                .build());
    }

    public record Counted(String counterId, int amount) {
    }
}
