package org.newsroom.article.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled publishing and commission reconciliation run on Spring's scheduler, timed by the Clock bean. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
