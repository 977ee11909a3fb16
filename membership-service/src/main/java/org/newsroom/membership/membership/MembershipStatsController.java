package org.newsroom.membership.membership;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.tier.Tiers;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Public: how many patrons support the newsroom, by tier. Counts only, never who. */
@RestController
class MembershipStatsController {

    private final MemberStore store;
    private final Tiers tiers;

    MembershipStatsController(MemberStore store, Tiers tiers) {
        this.store = store;
        this.tiers = tiers;
    }

    record TierCount(String id, String name, long patrons) {
    }

    record Stats(long patrons, List<TierCount> tiers) {
    }

    @GetMapping("/api/memberships/stats")
    Mono<Stats> stats() {
        List<String> patron = List.of(MembershipStatus.values()).stream().filter(MembershipStatus::isPatron)
                .map(Enum::name).toList();
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("membership.status").in(patron).and("erasedAt").is(null)),
                Aggregation.group("membership.tier").count().as("patrons"));
        return store.aggregate(aggregation, Document.class)
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("patrons")).longValue())
                .map(counts -> {
                    List<TierCount> byTier = tiers.all().stream()
                            .map(t -> new TierCount(t.id(), t.name(), counts.getOrDefault(t.id(), 0L))).toList();
                    long total = counts.values().stream().mapToLong(Long::longValue).sum();
                    return new Stats(total, byTier);
                });
    }
}
