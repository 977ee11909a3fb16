package org.newsroom.article.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceTest
@TestPropertySource(properties = "newsroom.demo.enabled=true")
class DemoArticlesTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DemoArticles demo;

    @Test
    @SuppressWarnings("unchecked")
    void samplesArePublishedOnceWithTagsAndSomeForPatronsEvenAcrossRestarts() {
        demo.seed();
        demo.seed();
        Map<String, Object> page = web.get().uri("/api/articles?limit=50").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(DemoArticles.SAMPLES.size());
        assertThat(items).allSatisfy(a -> assertThat((List<String>) a.get("tags")).isNotEmpty());
        assertThat(items).filteredOn(a -> Boolean.TRUE.equals(a.get("patronsOnly"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(items).filteredOn(a -> Boolean.FALSE.equals(a.get("patronsOnly"))).hasSizeGreaterThanOrEqualTo(3);

        String patronsOnly = (String) items.stream().filter(a -> Boolean.TRUE.equals(a.get("patronsOnly")))
                .findFirst().orElseThrow().get("slug");
        web.get().uri("/api/articles/{slug}", patronsOnly).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.teaser").isEqualTo(true);
        web.get().uri("/api/tags").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.tag == 'reader-commissioned')].count").isEqualTo(List.of(2));
    }
}
