package org.newsroom.defaults.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the collections whose documents carry an {@code outbox} the sweep scans
 * @param sweepInterval how often the sweep looks for events a crash or an outage left unsent
 */
@ConfigurationProperties("newsroom.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        if (sweepInterval == null) {
            sweepInterval = Duration.ofSeconds(2);
        }
    }
}
