package org.newsroom.defaults.sample;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.newsroom.defaults.test.ServiceTest;
import org.springframework.test.context.TestPropertySource;

/** The sample service under {@link ServiceTest}, configured from {@code sample.yml}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@TestPropertySource(properties = "spring.config.name=sample")
@interface SampleServiceTest {
}
