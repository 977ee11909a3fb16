package org.newsroom.membership.tier;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code newsroom.membership.tiers}: the tiers offered to readers. */
@ConfigurationProperties("newsroom.membership")
public record TierProperties(List<Tier> tiers) {
}
