package org.newsroom.article.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ArticleServiceTest
class EditorialApiTest {

    @Autowired
    WebTestClient web;

    @Test
    @SuppressWarnings("unchecked")
    void anEditorWritesRevisesAndPublishesAndEveryRevisionIsKept() {
        String title = "Harbour deal " + UUID.randomUUID();
        Map<String, Object> created = Api.create(web, Api.draft(title, "First *version*.", List.of("Harbour"),
                "PUBLIC", null));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("status", "DRAFT").containsEntry("revision", 1)
                .containsEntry("html", "<p>First <em>version</em>.</p>\n").containsEntry("tags", List.of("harbour"));
        String slug = (String) created.get("slug");
        assertThat(slug).startsWith("harbour-deal-");

        Map<String, Object> revised = web.put().uri("/api/editorial/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft(title + " signed", "Second version.", List.of("harbour"), "PUBLIC", null))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(revised).containsEntry("revision", 2);
        assertThat((String) revised.get("slug")).as("a draft's slug follows its title").endsWith("-signed");

        Map<String, Object> published = Api.publish(web, id);
        assertThat(published).containsEntry("status", "PUBLISHED");
        assertThat(published.get("publishedAt")).isNotNull();
        String fixedSlug = (String) published.get("slug");

        Map<String, Object> afterPublish = web.put().uri("/api/editorial/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft("A completely new headline " + UUID.randomUUID(), "Third version.",
                        List.of("harbour"), "PUBLIC", null))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(afterPublish).containsEntry("slug", fixedSlug).containsEntry("revision", 3)
                .containsEntry("status", "PUBLISHED");

        Map<String, Object> revisions = web.get().uri("/api/editorial/articles/{id}/revisions", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) revisions.get("items");
        assertThat(items).extracting(r -> r.get("revision")).containsExactly(3, 2, 1);
        assertThat(items).extracting(r -> r.get("body"))
                .containsExactly("Third version.", "Second version.", "First *version*.");
        assertThat(items.get(0)).containsEntry("savedBy", Api.EDITOR_ID);

        web.get().uri("/api/articles/{slug}", fixedSlug).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.html").isEqualTo("<p>Third version.</p>\n");
    }

    @Test
    void slugsAreUniqueAcrossArticlesWithTheSameTitle() {
        String title = "Same title " + UUID.randomUUID();
        String first = (String) Api.create(web, Api.draft(title, "a", List.of(), "PUBLIC", null)).get("slug");
        String second = (String) Api.create(web, Api.draft(title, "b", List.of(), "PUBLIC", null)).get("slug");
        String third = (String) Api.create(web, Api.draft(title, "c", List.of(), "PUBLIC", null)).get("slug");
        assertThat(second).isEqualTo(first + "-2");
        assertThat(third).isEqualTo(first + "-3");
    }

    @Test
    void aScheduledArticleIsPublishedWhenItsTimeComes() {
        String id = (String) Api.create(web, Api.draft("Scheduled " + UUID.randomUUID(), "Later.", List.of(),
                "PUBLIC", null)).get("id");
        Instant at = Instant.now().plusSeconds(2);
        web.post().uri("/api/editorial/articles/{id}/publish", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("publishAt", at.toString()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/editorial/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED"));
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        web.get().uri("/api/editorial/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectBody().jsonPath("$.publishedAt").isEqualTo(at.truncatedTo(
                        java.time.temporal.ChronoUnit.MILLIS).toString());
    }

    @Test
    void unpublishingTakesAnArticleOffTheReadingApi() {
        Map<String, Object> a = Api.createAndPublish(web, Api.draft("Down " + UUID.randomUUID(), "Body.", List.of(),
                "PUBLIC", null));
        web.get().uri("/api/articles/{slug}", a.get("slug")).exchange().expectStatus().isOk();
        web.post().uri("/api/editorial/articles/{id}/unpublish", a.get("id"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UNPUBLISHED");
        web.get().uri("/api/articles/{slug}", a.get("slug")).exchange().expectStatus().isNotFound();
        web.post().uri("/api/editorial/articles/{id}/unpublish", a.get("id"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyEditorsUseTheEditorialApi() {
        web.post().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.reader("m-" + UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft("Nope", "x", List.of(), "PUBLIC", null))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/editorial/articles").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + org.newsroom.defaults.test.TestIssuer.shared().foreignKeyToken(Api.EDITOR_ID, "EDITOR"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badInputIsA400WithFieldErrorsAndWritesNothing() {
        String marker = "Invalid " + UUID.randomUUID();
        Map<String, Object> bad = Api.draft(" ", "b".repeat(100_001), Collections.nCopies(11, "tag"), "SECRET",
                "bad topic");
        bad.put("dek", marker);
        web.post().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bad)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://newsroom.example/problems/validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("title", "body", "tags", "visibility", "topicId"));

        web.post().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        web.post().uri("/api/editorial/articles/{id}/publish", "no-such-article")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        String id = (String) Api.create(web, Api.draft("Valid " + UUID.randomUUID(), "x", List.of(), "PUBLIC", null))
                .get("id");
        web.post().uri("/api/editorial/articles/{id}/publish", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("publishAt", "next tuesday"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("publishAt");
        web.post().uri("/api/editorial/articles/{id}/publish", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("publishAt", "2020-01-01T00:00:00Z"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("publishAt");
        web.get().uri("/api/editorial/articles?limit=0")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        web.get().uri("/api/editorial/articles?status=LOST")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isBadRequest();

        // Nothing of the refused draft was stored.
        web.get().uri("/api/editorial/articles?limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.dek == '" + marker + "')]").isEmpty();
    }

    @Test
    void aBodyLargerThanTheServiceAcceptsIs413NotA500() {
        web.post().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft("Huge", "x".repeat(2_000_000), List.of(), "PUBLIC", null))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void revisionsArePaginated() {
        String id = (String) Api.create(web, Api.draft("Revised " + UUID.randomUUID(), "r1", List.of(), "PUBLIC", null))
                .get("id");
        for (int r = 2; r <= 3; r++) {
            web.put().uri("/api/editorial/articles/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Api.draft("Revised", "r" + r, List.of(), "PUBLIC", null))
                    .exchange().expectStatus().isOk();
        }
        Map<String, Object> first = web.get().uri("/api/editorial/articles/{id}/revisions?limit=2", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) first.get("items")).extracting(m -> m.get("body"))
                .containsExactly("r3", "r2");
        Map<String, Object> second = web.get().uri("/api/editorial/articles/{id}/revisions?limit=2&cursor={c}", id,
                        first.get("next"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(m -> m.get("body"))
                .containsExactly("r1");
        assertThat(second.get("next")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEditorialListIsPaginated() {
        for (int i = 0; i < 3; i++) {
            Api.create(web, Api.draft("Paged " + UUID.randomUUID(), "x", List.of(), "PUBLIC", null));
        }
        Map<String, Object> first = web.get().uri("/api/editorial/articles?limit=2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Object>) first.get("items")).hasSize(2);
        assertThat(first.get("next")).isNotNull();
        Map<String, Object> second = web.get().uri("/api/editorial/articles?limit=2&cursor={c}", first.get("next"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> all = new java.util.ArrayList<>((List<Map<String, Object>>) first.get("items"));
        all.addAll((List<Map<String, Object>>) second.get("items"));
        assertThat(all).extracting(m -> m.get("id")).doesNotHaveDuplicates();
    }
}
