package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * Journey 2: a reader checks out in the sandbox, is a patron within a few seconds (article-service learns it
 * from membership events) and reads the patron-only body.
 */
@ExtendWith(NewsroomStack.class)
class AReaderBecomesAPatronJourneyTest {

    /** "Within a few seconds" of paying. */
    static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private static Gateway gateway;
    private static String patronOnlySlug;
    private static String patronOnlySentence;

    @BeforeAll
    static void anEditorHasPublishedAPatronOnlyArticle(Running stack) {
        gateway = Gateway.fromNewAddress(stack.gatewayUrl());
        patronOnlySentence = "The reservoir is only half full " + UUID.randomUUID() + ".";
        patronOnlySlug = Editor.demo(gateway).publish("Where the water goes " + UUID.randomUUID(),
                "Every summer the same question.\n\n" + patronOnlySentence, "PATRONS", null).text("$.slug");
    }

    @AfterAll
    static void noServiceFailed() {
        gateway.assertNoServerErrors();
    }

    @Test
    void aReaderWhoPaysInTheSandboxReadsThePatronOnlyBodyWithinAFewSeconds() {
        Person reader = Person.registerReader(gateway, "Paul Payer");
        assertThat(reader.get("/api/articles/" + patronOnlySlug).expect(200).text("$.html"))
                .doesNotContain(patronOnlySentence);
        assertThat(reader.get("/api/memberships/me").expect(200).text("$.status")).isEqualTo("NONE");
        assertThat(gateway.get("/api/memberships/tiers").expect(200).<List<String>>json("$.items[*].id"))
                .contains("coffee");

        Answer checkout = reader.post("/api/memberships/checkout",
                java.util.Map.of("tier", "coffee", "period", "MONTHLY")).expect(201);
        String checkoutId = checkout.text("$.checkoutId");
        assertThat(reader.get("/api/memberships/me").expect(200).text("$.status")).isEqualTo("PENDING");
        assertThat(reader.get("/api/memberships/sandbox/checkouts/" + checkoutId).expect(200).text("$.status"))
                .isEqualTo("OPEN");

        Instant paid = Instant.now();
        Answer membership = reader.post("/api/memberships/sandbox/checkouts/" + checkoutId + "/pay", null).expect(200);
        assertThat(membership.text("$.status")).isEqualTo("ACTIVE");
        assertThat(membership.text("$.tier")).isEqualTo("coffee");

        Awaitility.await("the patron-only body served to the new patron")
                .atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> reader.get("/api/articles/" + patronOnlySlug).expect(200).text("$.html")
                        .contains(patronOnlySentence));
        System.out.printf("patron-only body served %d ms after the sandbox payment%n",
                Duration.between(paid, Instant.now()).toMillis());

        Answer full = reader.get("/api/articles/" + patronOnlySlug).expect(200);
        assertThat(full.<Boolean>json("$.patronsOnly")).isTrue();
        assertThat(reader.get("/api/memberships/me").expect(200).text("$.status")).isEqualTo("ACTIVE");
        // still refused to everyone else
        assertThat(gateway.get("/api/articles/" + patronOnlySlug).expect(200).text("$.html"))
                .doesNotContain(patronOnlySentence);
    }
}
