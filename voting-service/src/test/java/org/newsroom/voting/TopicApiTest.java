package org.newsroom.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.ServiceTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

@ServiceTest
@Import(VotingTestSupport.TestClock.class)
class TopicApiTest extends VotingTestSupport {

    @Test
    void anyoneListsTopicsWithTheFinalShape() {
        String topicId = approvedTopic("Rents in the old town");
        http.get().uri("/api/topics?status=APPROVED&limit=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id=='" + topicId + "')].title").isEqualTo("Rents in the old town")
                .jsonPath("$.items[?(@.id=='" + topicId + "')].status").isEqualTo("APPROVED")
                .jsonPath("$.items[0].description").exists()
                .jsonPath("$.next").isEmpty();
        http.get().uri("/api/topics?status=bogus").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void aPatronProposesAndTheEventValidates() {
        String patron = id("patron");
        patron(patron, "Coffee", 1);
        String topicId = propose(patron, "Why are the night buses gone?");
        http.get().uri("/api/topics/" + topicId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PROPOSED")
                .jsonPath("$.description").isEqualTo("Readers asked about it.");
        events("org.newsroom.voting.topic-proposed.v1", topicId, 1);
    }

    @Test
    void aReaderOrAnAnonymousCallerCannotPropose() {
        String reader = id("reader");
        http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(reader)))
                .bodyValue(Map.of("title", "Why are the night buses gone?")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type")
                .isEqualTo("https://newsroom.example/problems/not-a-patron");
        http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Why are the night buses gone?")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void proposalsHaveLengthLimitsAndADailyLimit() {
        String patron = id("patron");
        patron(patron, "Coffee", 1);
        http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(patron)))
                .bodyValue(Map.of("title", "abc", "description", "x".repeat(2001))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field=='title')]").exists()
                .jsonPath("$.errors[?(@.field=='description')]").exists();
        propose(patron, "First proposal of the day");
        propose(patron, "Second proposal of the day");
        propose(patron, "Third proposal of the day");
        http.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(reader(patron)))
                .bodyValue(Map.of("title", "Fourth proposal of the day")).exchange()
                .expectStatus().isEqualTo(429).expectBody().jsonPath("$.type")
                .isEqualTo("https://newsroom.example/problems/proposal-limit");
        assertThat(countTopicsBy("Fourth proposal of the day")).isZero();
    }

    @Test
    void editorsApproveDeclineWithAReasonAndMergeDuplicates() {
        String patron = id("patron");
        patron(patron, "Coffee", 1);
        String a = propose(patron, "Water quality in the river");
        String b = propose(patron, "Is the river water safe?");
        String c = propose(patron, "Review every restaurant");

        http.post().uri("/api/editorial/topics/" + a + "/approve").headers(h -> h.setBearerAuth(reader(patron)))
                .exchange().expectStatus().isForbidden();
        editorial("/api/editorial/topics/" + a + "/approve", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("APPROVED");
        editorial("/api/editorial/topics/" + a + "/approve", Map.of()).expectStatus().isEqualTo(409);
        editorial("/api/editorial/topics/" + c + "/decline", Map.of("reason", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        editorial("/api/editorial/topics/" + c + "/decline", Map.of("reason", "We report, we do not review."))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        editorial("/api/editorial/topics/" + b + "/merge", Map.of("into", b)).expectStatus().isEqualTo(422);
        editorial("/api/editorial/topics/" + b + "/merge", Map.of("into", c)).expectStatus().isEqualTo(422);
        editorial("/api/editorial/topics/" + b + "/merge", Map.of("into", "nope")).expectStatus().isEqualTo(422);
        editorial("/api/editorial/topics/" + b + "/merge", Map.of("into", a)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("MERGED");
        editorial("/api/editorial/topics/nope/approve", Map.of()).expectStatus().isNotFound();

        events("org.newsroom.voting.topic-approved.v1", a, 1);
        events("org.newsroom.voting.topic-declined.v1", c, 1);
        events("org.newsroom.voting.topic-merged.v1", b, 1);
    }

    private long countTopicsBy(String title) {
        return ((java.util.List<?>) get("/api/topics?limit=100").get("items")).stream()
                .filter(t -> title.equals(((Map<?, ?>) t).get("title"))).count();
    }
}
