package org.newsroom.defaults.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic the topic this service publishes to (one per producing service)
 * @param source the CloudEvents {@code source} of what this service publishes
 * @param consumerTimeout how long a consumer waits for one event to be applied before it fails
 *        and the binder retries it
 */
@ConfigurationProperties("newsroom.events")
public record EventsProperties(String topic, String source, Duration consumerTimeout) {

    public EventsProperties {
        if (consumerTimeout == null) {
            consumerTimeout = Duration.ofSeconds(10);
        }
    }
}
