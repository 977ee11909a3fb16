package org.newsroom.defaults.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * An event as a consumer receives it: its CloudEvents attributes, its data, and where it came from
 * on Kafka (for consumers that fence by partition offset).
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, byte[] data,
        String topic, int partition, long offset) {

    public static InboundEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
        return new InboundEvent(
                CloudEventHeaders.text(headers.get(CloudEventHeaders.ID)),
                CloudEventHeaders.text(headers.get(CloudEventHeaders.TYPE)),
                CloudEventHeaders.text(headers.get(CloudEventHeaders.SOURCE)),
                CloudEventHeaders.text(headers.get(CloudEventHeaders.SUBJECT)),
                time(CloudEventHeaders.text(headers.get(CloudEventHeaders.TIME))),
                message.getPayload(),
                CloudEventHeaders.text(headers.get(KafkaHeaders.RECEIVED_TOPIC)),
                partition == null ? -1 : partition,
                offset == null ? -1 : offset);
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
