package org.newsroom.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class LimitsConfiguration {

    @Bean
    RequestBudgets requestBudgets(RateLimitSettings settings) {
        return new RequestBudgets(System::nanoTime, settings.getMaxTrackedKeys());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitSettings settings, RequestBudgets budgets) {
        return new RateLimitFilter(settings, budgets);
    }
}
