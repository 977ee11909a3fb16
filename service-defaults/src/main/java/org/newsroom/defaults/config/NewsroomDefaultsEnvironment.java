package org.newsroom.defaults.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code newsroom-defaults.properties} as the property source of lowest precedence, so every
 * service starts from the same Kafka, MongoDB, security and observability settings and can still
 * override any of them in its own {@code application.yml} or through the environment.
 */
public class NewsroomDefaultsEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "newsroomDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource("newsroom-defaults.properties"))) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("newsroom-defaults.properties cannot be read", e);
        }
    }
}
