package org.newsroom.article.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.newsroom.defaults.test.ServiceTest;
import org.springframework.test.context.TestPropertySource;

/** article-service under {@link ServiceTest}; scheduled publishing checks twice a second. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@TestPropertySource(properties = {"newsroom.articles.schedule-interval=300ms",
        "newsroom.articles.public-url=https://news.example"})
public @interface ArticleServiceTest {
}
