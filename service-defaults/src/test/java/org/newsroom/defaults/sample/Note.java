package org.newsroom.defaults.sample;

import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("notes")
public record Note(@Id String id, String text, List<OutboxEvent> outbox) {
}
