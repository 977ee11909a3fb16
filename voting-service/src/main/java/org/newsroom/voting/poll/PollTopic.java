package org.newsroom.voting.poll;

/** A topic as it stands on a ballot; the position on the ballot is its index in the poll. */
public record PollTopic(String topicId, String title) {
}
