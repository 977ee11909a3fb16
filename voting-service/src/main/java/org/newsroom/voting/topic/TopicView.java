package org.newsroom.voting.topic;

/** A topic as readers see it. */
public record TopicView(String id, String title, String description, TopicStatus status) {
}
