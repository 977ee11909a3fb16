package org.newsroom.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.newsroom.gateway.config.GatewaySettings;
import org.newsroom.gateway.problem.ProblemException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * One breaker per service (named membership, article, voting). It counts connection failures and
 * timeouts; a request the gateway itself refused (too large, say) says nothing about the service's
 * health and is not counted. Resilience4j's time limiter is off (see application.yml): the route's
 * response timeout bounds the wait for an answer without cutting off long answers once they flow.
 */
@Configuration(proxyBeanMethods = false)
class ServiceBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakerDefaults(GatewaySettings settings) {
        GatewaySettings.Breaker breaker = settings.getCircuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.getSlidingWindowSize())
                .minimumNumberOfCalls(breaker.getMinimumNumberOfCalls())
                .failureRateThreshold(breaker.getFailureRateThreshold())
                .waitDurationInOpenState(breaker.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.getPermittedCallsInHalfOpenState())
                .recordException(ServiceBreakers::saysServiceIsUnwell)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }

    static boolean saysServiceIsUnwell(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem && problem.problem().status().is4xxClientError()) {
                return false;
            }
            if (t instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError()) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }
}
