package org.newsroom.membership.tier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured tiers, in the order they are offered. */
public final class Tiers {

    private final Map<String, Tier> byId = new LinkedHashMap<>();

    public Tiers(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one membership tier must be configured");
        }
        for (Tier tier : tiers) {
            if (byId.putIfAbsent(tier.id(), tier) != null) {
                throw new IllegalArgumentException("duplicate tier id " + tier.id());
            }
        }
    }

    public List<Tier> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Tier> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** The voting weight of a tier; 0 for no tier or a tier no longer offered. */
    public int weightOf(String id) {
        return find(id).map(Tier::weight).orElse(0);
    }
}
