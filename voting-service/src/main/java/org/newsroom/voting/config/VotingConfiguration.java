package org.newsroom.voting.config;

import org.newsroom.defaults.security.AccessRules;
import org.newsroom.voting.ballot.VoterKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VotingProperties.class)
class VotingConfiguration {

    @Bean
    VoterKeys voterKeys(VotingProperties properties) {
        return new VoterKeys(properties.voterKeySecret());
    }

    /**
     * Topics, polls, tallies (as far as a poll shows them), the ballot log and receipts are public, so
     * anyone can check a count. Casting and reading one's own ballots needs a token; moderation and
     * polls need an editor.
     */
    @Bean
    AccessRules votingAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/polls/*/ballot").authenticated()
                .pathMatchers(HttpMethod.GET, "/api/topics", "/api/topics/*", "/api/polls", "/api/polls/*", "/api/polls/*/tally",
                        "/api/polls/*/tally/stream", "/api/polls/*/ballot-log", "/api/polls/*/ballot-log/verify",
                        "/api/polls/*/receipts/*")
                .permitAll()
                .pathMatchers("/api/editorial/**").hasAnyRole("EDITOR", "ADMIN");
    }
}
