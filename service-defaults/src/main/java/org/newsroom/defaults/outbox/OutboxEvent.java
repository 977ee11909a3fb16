package org.newsroom.defaults.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. It is written in the same
 * single-document write as the change that caused it, so the change and the event cannot part.
 *
 * @param id the CloudEvents id, unique per event; consumers deduplicate on it
 * @param type the versioned event type, e.g. {@code org.newsroom.membership.activated.v1}
 * @param subject the aggregate id: the record key and the CloudEvents subject
 * @param time when it happened
 * @param data the event's data as JSON text, published byte for byte
 */
public record OutboxEvent(String id, String type, String subject, Instant time, String data) {
}
