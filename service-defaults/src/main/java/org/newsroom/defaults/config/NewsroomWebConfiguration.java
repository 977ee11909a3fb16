package org.newsroom.defaults.config;

import org.newsroom.defaults.health.MongoPingHealthIndicator;
import org.newsroom.defaults.web.ProblemWebExceptionHandler;
import org.newsroom.defaults.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** One error format for every failure, and MongoDB health that the MongoDB-wire server can answer. */
@AutoConfiguration
public class NewsroomWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    /** Ahead of Boot's own error handler (order -1), so every failure becomes a problem answer. */
    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(Problems problems) {
        return new ProblemWebExceptionHandler(problems);
    }

    /** Named {@code mongo}: the readiness group includes it. */
    @Bean(name = "mongo")
    @ConditionalOnMissingBean(name = "mongo")
    MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
