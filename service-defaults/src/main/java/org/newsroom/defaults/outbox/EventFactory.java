package org.newsroom.defaults.outbox;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Makes outbox events from a service's own event records. */
public class EventFactory {

    private final JsonMapper json;
    private final Clock clock;

    public EventFactory(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public OutboxEvent create(String type, String subject, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, subject, clock.instant(),
                json.writeValueAsString(data));
    }
}
