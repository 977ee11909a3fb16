package org.newsroom.defaults.test;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the shared broker and database server, a database of its own, its
 * own consumer groups (a cached context of an earlier test class keeps consuming with its own), and
 * the test issuer's keys.
 */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "service");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String kafka = SharedInfrastructure.kafkaBootstrapServers();
        TestIssuer issuer = TestIssuer.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("newsroomServiceTest", Map.of(
                "spring.kafka.bootstrap-servers", kafka,
                "spring.cloud.stream.kafka.binder.brokers", kafka,
                "spring.mongodb.uri", SharedInfrastructure.mongoUri(),
                "spring.mongodb.database", app + "-test-" + run,
                "spring.cloud.stream.default.group", app + "-test-" + run,
                "newsroom.security.issuer", issuer.issuer(),
                "newsroom.security.jwks-uri", issuer.jwksUri(),
                "newsroom.outbox.sweep-interval", "500ms")));
    }
}
