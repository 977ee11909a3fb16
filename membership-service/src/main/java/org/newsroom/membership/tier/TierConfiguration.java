package org.newsroom.membership.tier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TierProperties.class)
class TierConfiguration {

    @Bean
    Tiers tiers(TierProperties properties) {
        return new Tiers(properties.tiers());
    }
}
