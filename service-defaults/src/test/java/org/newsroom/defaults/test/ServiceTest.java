package org.newsroom.defaults.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service-level test: the whole service on a random port, with a {@code WebTestClient}, against
 * the JVM's shared real Kafka broker and MongoDB server and the {@link TestIssuer}'s keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = ServiceTestInitializer.class)
public @interface ServiceTest {
}
