package org.newsroom.defaults.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer does with each event type it knows. Each service keeps its own records for the
 * data it reads (a tolerant reader): fields it does not know are ignored.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> handlers;

    private EventHandlers(Map<String, Handler<?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> types() {
        return handlers.keySet();
    }

    public boolean knows(String type) {
        return type != null && handlers.containsKey(type);
    }

    Mono<?> apply(InboundEvent event, JsonMapper json) {
        Handler<?> handler = handlers.get(event.type());
        return handler.apply(event, json);
    }

    private record Handler<T>(Class<T> dataType, BiFunction<InboundEvent, T, Mono<?>> action) {

        Mono<?> apply(InboundEvent event, JsonMapper json) {
            T data = json.readerFor(dataType)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
            return action.apply(event, data);
        }
    }

    public static final class Builder {

        private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

        public <T> Builder on(String type, Class<T> dataType, BiFunction<InboundEvent, T, Mono<?>> action) {
            handlers.put(type, new Handler<>(dataType, action));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers);
        }
    }
}
