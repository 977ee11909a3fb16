package org.newsroom.voting.topic;

/** Where a proposed topic stands, from proposal to a published article on it. */
public enum TopicStatus {
    PROPOSED, APPROVED, DECLINED, MERGED, ON_BALLOT, SELECTED, COVERED
}
