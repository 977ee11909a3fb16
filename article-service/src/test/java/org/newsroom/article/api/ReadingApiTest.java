package org.newsroom.article.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ArticleServiceTest
class ReadingApiTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    WebTestClient web;

    @Test
    void theListAnswersItemsAndNext() {
        web.get().uri("/api/articles").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.items").isArray().jsonPath("$.next").hasJsonPath();
    }

    @Test
    void theApiIsDescribedAsOpenApi() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/articles']").exists()
                .jsonPath("$.paths['/api/articles/{slug}']").exists()
                .jsonPath("$.paths['/api/editorial/articles/{id}/publish']").exists()
                .jsonPath("$.paths['/api/commissions/{id}/assignment']").exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsNewestFirstWithCursorPagingAndFilters() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> draft = Api.draft("Story " + i + " " + UUID.randomUUID(),
                    i % 2 == 0 ? "About the " + word + " in town." : "Nothing to see.", List.of(tag), "PUBLIC",
                    null);
            if (i == 3) {
                draft.put("authors", List.of("Bo Writer " + tag));
            }
            slugs.add((String) Api.createAndPublish(web, draft).get("slug"));
        }
        List<String> reversed = new ArrayList<>(slugs);
        java.util.Collections.reverse(reversed);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/articles?tag=" + tag + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = web.get().uri(uri)
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<Map<String, Object>>) page.get("items")).forEach(m -> seen.add((String) m.get("slug")));
            cursor = (String) page.get("next");
        } while (cursor != null && seen.size() < 10);
        assertThat(seen).containsExactlyElementsOf(reversed);

        assertThat(slugsOf("/api/articles?q=" + word.toUpperCase() + " TOWN&tag=" + tag))
                .containsExactly(reversed.get(0), reversed.get(2), reversed.get(4));
        assertThat(slugsOf("/api/articles?q=" + word + " nothing")).isEmpty();
        assertThat(slugsOf("/api/articles?author=bo writer " + tag)).containsExactly(slugs.get(3));
        assertThat(slugsOf("/api/articles?tag=" + tag.toUpperCase() + "&limit=50")).hasSize(5);

        web.get().uri("/api/articles?cursor=not-a-cursor").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        web.get().uri("/api/articles?limit=1000").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/articles?limit=ten").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @SuppressWarnings("unchecked")
    private List<String> slugsOf(String uri) {
        Map<String, Object> page = web.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("slug")).toList();
    }

    @Test
    void anArticleHasAnETagAndCacheControlAndAMatchingIfNoneMatchGets304() {
        Map<String, Object> a = Api.createAndPublish(web, Api.draft("Cached " + UUID.randomUUID(), "Body.",
                List.of("cache"), "PUBLIC", null));
        String etag = web.get().uri("/api/articles/{slug}", a.get("slug")).exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=60.*")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody().jsonPath("$.html").isEqualTo("<p>Body.</p>\n")
                .jsonPath("$.patronsOnly").isEqualTo(false)
                .jsonPath("$.authors[0]").isEqualTo("Ada Reporter")
                .returnResult().getResponseHeaders().getETag();
        web.get().uri("/api/articles/{slug}", a.get("slug")).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, etag);

        web.put().uri("/api/editorial/articles/{id}", a.get("id"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.draft("Cached again", "Changed.", List.of("cache"), "PUBLIC", null))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/articles/{slug}", a.get("slug")).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.html").isEqualTo("<p>Changed.</p>\n");
    }

    @Test
    void draftsAndUnknownSlugsAreNotFound() {
        Map<String, Object> draft = Api.create(web, Api.draft("Unseen " + UUID.randomUUID(), "Secret draft.",
                List.of(), "PUBLIC", null));
        web.get().uri("/api/articles/{slug}", draft.get("slug")).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/articles/{slug}", "Not A Slug").exchange().expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tagsComeWithTheirCountsOfPublishedArticles() {
        String tag = "count-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createAndPublish(web, Api.draft("T1 " + UUID.randomUUID(), "x", List.of(tag), "PUBLIC", null));
        Api.createAndPublish(web, Api.draft("T2 " + UUID.randomUUID(), "x", List.of(tag, tag + "-b"), "PATRONS",
                null));
        Api.create(web, Api.draft("T3 draft " + UUID.randomUUID(), "x", List.of(tag), "PUBLIC", null));
        Map<String, Object> tags = web.get().uri("/api/tags").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) tags.get("items");
        assertThat(items).contains(Map.of("tag", tag, "count", 2), Map.of("tag", tag + "-b", "count", 1));
    }

    @Test
    void theAtomFeedIsValidAtomAndFiltersByTag() throws Exception {
        String tag = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createAndPublish(web, Api.draft("Feed <one> & " + UUID.randomUUID(), "Feed **body**.", List.of(tag),
                "PUBLIC", null));
        Api.createAndPublish(web, Api.draft("Feed two " + UUID.randomUUID(), "Opening line.\n\nPatron body sentence.",
                List.of(tag), "PATRONS", null));
        Api.createAndPublish(web, Api.draft("Other " + UUID.randomUUID(), "x", List.of("elsewhere"), "PUBLIC", null));

        byte[] xml = web.get().uri("/api/articles/feed.atom?tag={t}", tag).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody().returnResult().getResponseBody();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author unless every entry has one.
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as(required).hasSize(1);
        }
        assertThat(children(feed, "link")).anyMatch(l -> "self".equals(l.getAttribute("rel"))
                && l.getAttribute("href").equals("https://news.example/api/articles/feed.atom?tag=" + tag));
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(2);
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as(required).hasSize(1);
            }
            assertThat(text(entry, "id")).startsWith("urn:uuid:");
            java.time.Instant.parse(text(entry, "updated"));
            assertThat(children(entry, "link")).anyMatch(l -> "alternate".equals(l.getAttribute("rel"))
                    && l.getAttribute("href").startsWith("https://news.example/articles/"));
            assertThat(children(entry, "category")).extracting(c -> c.getAttribute("term")).contains(tag);
        }
        assertThat(text(entries.get(1), "title")).startsWith("Feed <one> & ");
        String body = new String(xml, StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Patron body sentence").doesNotContain("Other ");

        web.get().uri("/api/articles/feed.atom").exchange().expectStatus().isOk();
        web.get().uri("/api/articles/feed.atom?tag=no/such").exchange().expectStatus().isBadRequest();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
