package org.newsroom.voting.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param voterKeySecret the secret of the pseudonymous voter keys (at least 32 bytes)
 * @param proposalsPerDay how many topics one member may propose per UTC day
 * @param scheduleInterval how often polls due to open or close are looked for
 * @param tallyStreamInterval how often a tally stream looks for a change
 * @param tiers the paid tiers, as membership events name them
 */
@ConfigurationProperties("newsroom.voting")
public record VotingProperties(String voterKeySecret, Integer proposalsPerDay, Duration scheduleInterval,
        Duration tallyStreamInterval, List<String> tiers) {

    public VotingProperties {
        proposalsPerDay = proposalsPerDay == null ? 3 : proposalsPerDay;
        scheduleInterval = scheduleInterval == null ? Duration.ofSeconds(1) : scheduleInterval;
        tallyStreamInterval = tallyStreamInterval == null ? Duration.ofMillis(300) : tallyStreamInterval;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
