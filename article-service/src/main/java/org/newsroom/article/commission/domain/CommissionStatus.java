package org.newsroom.article.commission.domain;

/** A commission's progress from a won topic to a published article. */
public enum CommissionStatus {
    OPEN,
    ASSIGNED,
    DELIVERED
}
