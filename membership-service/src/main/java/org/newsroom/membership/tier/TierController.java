package org.newsroom.membership.tier;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: what a reader can choose from. */
@RestController
class TierController {

    private final Tiers tiers;

    TierController(Tiers tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/api/memberships/tiers")
    TierList tiers() {
        return new TierList(tiers.all());
    }

    record TierList(List<Tier> items) {
    }
}
