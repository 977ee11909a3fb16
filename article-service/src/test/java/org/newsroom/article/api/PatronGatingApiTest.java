package org.newsroom.article.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.patron.PatronStore;
import org.newsroom.contracts.EventContracts;
import org.newsroom.defaults.test.KafkaProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ArticleServiceTest
class PatronGatingApiTest {

    static final String TOPIC = "newsroom.membership.v1";
    static final String SECRET = "The ledger shows the payments went to a shell company.";
    static final EventContracts CONTRACTS = EventContracts.load();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    PatronStore patrons;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    String slug;

    @BeforeEach
    void aPatronsOnlyArticle() {
        slug = (String) Api.createAndPublish(web, Api.draft("Follow the money " + UUID.randomUUID(),
                "The council paid for a study.\n\n" + SECRET, List.of("investigation"), "PATRONS", null)).get("slug");
    }

    /** A membership event built from the contract's example, for this member, valid against its schema. */
    static String membershipEvent(String type, String memberId, long version, String status, Instant periodEnd,
                                  Instant graceEnd) {
        ObjectNode node = (ObjectNode) JSON.readTree(CONTRACTS.example(type));
        node.put("memberId", memberId);
        node.put("version", version);
        if (status != null) {
            node.put("status", status);
            node.put("currentPeriodEnd", periodEnd.toString());
            if (graceEnd == null) {
                node.putNull("graceEndsAt");
            } else {
                node.put("graceEndsAt", graceEnd.toString());
            }
        }
        String json = JSON.writeValueAsString(node);
        CONTRACTS.assertValid(type, json);
        return json;
    }

    static String send(String type, String memberId, String eventId, String json) {
        return KafkaProbe.send(TOPIC, memberId, type, eventId, json);
    }

    void awaitPatron(String memberId, boolean expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> patrons.isPatron(memberId).block() == expected);
    }

    Map<String, Object> read(String token) {
        var request = web.get().uri("/api/articles/{slug}", slug);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = request.exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    void assertTeaser(Map<String, Object> article) {
        assertThat(article).containsEntry("patronsOnly", true).containsEntry("teaser", true);
        assertThat((String) article.get("html")).contains("The council paid for a study.")
                .contains("patrons-only").doesNotContain(SECRET).doesNotContain("shell company");
        assertThat(article.get("title")).isNotNull();
        assertThat(article.get("dek")).isNotNull();
        assertThat(article.get("tags")).isEqualTo(List.of("investigation"));
    }

    void assertFull(Map<String, Object> article) {
        assertThat(article).containsEntry("patronsOnly", true).containsEntry("teaser", false);
        assertThat((String) article.get("html")).contains(SECRET);
    }

    @Test
    void anonymousCallersAndReadersGetOnlyTheTeaser() {
        assertTeaser(read(null));
        assertTeaser(read(Api.reader("reader-" + UUID.randomUUID())));
        web.get().uri("/api/articles/{slug}", slug).exchange()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*private.*")
                .expectHeader().valueMatches(HttpHeaders.VARY, ".*Authorization.*");
    }

    @Test
    void anActivePatronReadsInFullAndALapsedOneNoLonger() {
        String member = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        send("org.newsroom.membership.activated.v1", member, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.activated.v1", member, 1, "ACTIVE", now.plusSeconds(86400), null));
        awaitPatron(member, true);
        String token = Api.reader(member);
        assertFull(read(token));

        send("org.newsroom.membership.ended.v1", member, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.ended.v1", member, 2, "LAPSED", now, null));
        awaitPatron(member, false);
        assertTeaser(read(token));
    }

    @Test
    void aPastDuePatronReadsDuringGraceButNotAfter() {
        String inGrace = "m-" + UUID.randomUUID();
        String graceOver = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        send("org.newsroom.membership.past-due.v1", inGrace, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.past-due.v1", inGrace, 3, "PAST_DUE", now.minusSeconds(60),
                        now.plusSeconds(86400)));
        send("org.newsroom.membership.past-due.v1", graceOver, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.past-due.v1", graceOver, 3, "PAST_DUE",
                        now.minusSeconds(86400 * 8), now.minusSeconds(60)));
        awaitPatron(inGrace, true);
        assertFull(read(Api.reader(inGrace)));
        assertTeaser(read(Api.reader(graceOver)));
    }

    @Test
    void aMembershipEventRedeliveredTwiceIsAppliedOnce() {
        String member = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        String activatedType = "org.newsroom.membership.activated.v1";
        double duplicatesBefore = duplicates(activatedType);
        String activatedId = UUID.randomUUID().toString();
        String activated = membershipEvent(activatedType, member, 1, "ACTIVE", now.plusSeconds(86400), null);
        send(activatedType, member, activatedId, activated);
        awaitPatron(member, true);
        send("org.newsroom.membership.ended.v1", member, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.ended.v1", member, 2, "LAPSED", now, null));
        awaitPatron(member, false);
        // The activation comes again, twice: it must not make the lapsed member a patron again.
        send(activatedType, member, activatedId, activated);
        send(activatedType, member, activatedId, activated);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(activatedType) >= duplicatesBefore + 2);
        assertThat(duplicates(activatedType)).isEqualTo(duplicatesBefore + 2);
        assertThat(patrons.isPatron(member).block()).isFalse();
        assertTeaser(read(Api.reader(member)));
    }

    double duplicates(String type) {
        var counter = meters.find("newsroom.events.consumed")
                .tags("consumer", "membership", "type", type, "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anErasedMemberIsForgottenAndStaysForgotten() {
        String member = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        String activated = membershipEvent("org.newsroom.membership.activated.v1", member, 1, "ACTIVE",
                now.plusSeconds(86400), null);
        send("org.newsroom.membership.activated.v1", member, UUID.randomUUID().toString(), activated);
        awaitPatron(member, true);
        send("org.newsroom.membership.member-erased.v1", member, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.member-erased.v1", member, 10, null, null, null));
        awaitPatron(member, false);
        send("org.newsroom.membership.activated.v1", member, UUID.randomUUID().toString(), activated);
        String marker = "m-" + UUID.randomUUID();
        send("org.newsroom.membership.activated.v1", marker, UUID.randomUUID().toString(),
                membershipEvent("org.newsroom.membership.activated.v1", marker, 1, "ACTIVE", now.plusSeconds(86400),
                        null));
        awaitPatron(marker, true);
        assertThat(patrons.isPatron(member).block()).isFalse();
    }

    @Test
    void theContractsExampleEventsAreUnderstood() {
        EventContracts contracts = CONTRACTS;
        String member = (String) JSON.readValue(contracts.example("org.newsroom.membership.activated.v1"), Map.class)
                .get("memberId");
        // The example's period ended long ago, but an ACTIVE membership counts until membership-service says otherwise.
        send("org.newsroom.membership.member-registered.v1", member, UUID.randomUUID().toString(),
                contracts.example("org.newsroom.membership.member-registered.v1"));
        send("org.newsroom.membership.activated.v1", member, UUID.randomUUID().toString(),
                contracts.example("org.newsroom.membership.activated.v1"));
        awaitPatron(member, true);
        for (String type : List.of("renewed", "tier-changed", "past-due", "ended", "member-erased")) {
            send("org.newsroom.membership." + type + ".v1", member, UUID.randomUUID().toString(),
                    contracts.example("org.newsroom.membership." + type + ".v1"));
        }
        awaitPatron(member, false);
    }

    @Test
    void theTeaserAndTheFullTextHaveDifferentETags() {
        String teaserTag = web.get().uri("/api/articles/{slug}", slug).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        String fullTag = web.get().uri("/api/articles/{slug}", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.editor()).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(teaserTag).isNotNull().isNotEqualTo(fullTag);
        // A reader holding the full text's tag still gets only the teaser, never a 304 that reuses it.
        assertTeaser(read304Safe(fullTag));
        web.get().uri("/api/articles/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, teaserTag).exchange()
                .expectStatus().isNotModified();
    }

    Map<String, Object> read304Safe(String etag) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = web.get().uri("/api/articles/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    @Test
    void editorsReadPatronsOnlyArticlesInFull() {
        assertFull(read(Api.editor()));
    }
}
