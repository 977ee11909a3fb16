package org.newsroom.membership.tier;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class TierControllerTest {

    private final Tiers tiers = new Tiers(List.of(
            new Tier("coffee", "Coffee", new BigDecimal("3"), new BigDecimal("30"), "EUR", 1),
            new Tier("champion", "Champion", new BigDecimal("25"), new BigDecimal("250"), "EUR", 3)));

    @Test
    void listsTheConfiguredTiersInOrder() {
        WebTestClient.bindToController(new TierController(tiers)).build()
                .get().uri("/api/memberships/tiers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo("coffee")
                .jsonPath("$.items[0].name").isEqualTo("Coffee")
                .jsonPath("$.items[0].monthlyPrice").isEqualTo(3)
                .jsonPath("$.items[0].yearlyPrice").isEqualTo(30)
                .jsonPath("$.items[0].currency").isEqualTo("EUR")
                .jsonPath("$.items[0].weight").isEqualTo(1)
                .jsonPath("$.items[1].id").isEqualTo("champion")
                .jsonPath("$.items[1].weight").isEqualTo(3);
    }
}
