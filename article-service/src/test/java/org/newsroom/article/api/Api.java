package org.newsroom.article.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.newsroom.defaults.test.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests as editors, readers and anonymous callers make them. */
final class Api {

    static final String EDITOR_ID = "editor-" + UUID.randomUUID();

    private Api() {
    }

    static String editor() {
        return TestIssuer.shared().token(EDITOR_ID, "READER", "EDITOR");
    }

    static String reader(String memberId) {
        return TestIssuer.shared().token(memberId, "READER");
    }

    static Map<String, Object> draft(String title, String body, List<String> tags, String visibility, String topicId) {
        var m = new java.util.HashMap<String, Object>();
        m.put("title", title);
        m.put("dek", "A short summary of " + title + ".");
        m.put("body", body);
        m.put("tags", tags);
        m.put("authors", List.of("Ada Reporter"));
        m.put("visibility", visibility);
        m.put("topicId", topicId);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> create(WebTestClient web, Map<String, Object> draft) {
        return web.post().uri("/api/editorial/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> publish(WebTestClient web, String id) {
        return web.post().uri("/api/editorial/articles/{id}/publish", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor())
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static Map<String, Object> createAndPublish(WebTestClient web, Map<String, Object> draft) {
        return publish(web, (String) create(web, draft).get("id"));
    }
}
