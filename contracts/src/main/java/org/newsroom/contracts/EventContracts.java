package org.newsroom.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Newsroom's event contracts, read from the classpath: which event types exist, on which topic each
 * travels, which payload field is its record key, and whether a payload or a set of Kafka headers
 * keeps the contract.
 *
 * <p>Producers check what they send with {@link #assertValid(String, String)}; consumers feed
 * {@link #example(String)} to their handlers. The AsyncAPI document {@value #ASYNCAPI} is the index:
 * every message it lists has its JSON Schema under {@code contracts/schemas/<ce type>.json} and an
 * example payload under {@code contracts/examples/<ce type>.json}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class EventContracts {

    /** Classpath location of the AsyncAPI document. */
    public static final String ASYNCAPI = "contracts/asyncapi.yaml";

    private static final String BASE = "contracts/";
    private static final String MESSAGE_REF = "#/components/messages/";
    private static final String SCHEMA_REF = "#/components/schemas/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Contract> contracts;
    private final Set<String> topics;

    private record Contract(String type, String topic, String keyField, Schema payload, Schema headers,
            String example) {
    }

    private EventContracts(Map<String, Contract> contracts, Set<String> topics) {
        this.contracts = Collections.unmodifiableMap(contracts);
        this.topics = Collections.unmodifiableSet(topics);
    }

    /**
     * The contracts on the classpath. Parsed once and shared, as they never change at run time.
     *
     * @throws IllegalStateException if the AsyncAPI document, a schema or an example is missing or
     *         unreadable
     */
    public static EventContracts load() {
        return Loaded.INSTANCE;
    }

    private static final class Loaded {
        static final EventContracts INSTANCE = read(EventContracts.class.getClassLoader());
    }

    /** The event types (CloudEvents {@code type}), in the order the AsyncAPI document lists them. */
    public Set<String> types() {
        return contracts.keySet();
    }

    /** The Kafka topics, in the order the AsyncAPI document lists them. */
    public Set<String> topics() {
        return topics;
    }

    /**
     * The topic an event type travels on, e.g. {@code newsroom.membership.v1}.
     *
     * @throws IllegalArgumentException for a type the contracts do not know
     */
    public String topicOf(String type) {
        return contract(type).topic();
    }

    /**
     * The payload field whose value is the record key and the CloudEvents {@code subject}, e.g.
     * {@code memberId}.
     *
     * @throws IllegalArgumentException for a type the contracts do not know
     */
    public String keyFieldOf(String type) {
        return contract(type).keyField();
    }

    /**
     * Checks an event's data against its type's JSON Schema.
     *
     * @return the violations, each naming where in the payload it is; empty if the payload keeps the
     *         contract. An unknown type or a payload that is not JSON gives exactly one message.
     */
    public List<String> validate(String type, String json) {
        Contract contract = contracts.get(type);
        if (contract == null) {
            return List.of(unknown(type));
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(json == null ? "" : json);
        }
        catch (JacksonException ex) {
            return List.of("$: not valid JSON: " + ex.getOriginalMessage());
        }
        if (payload == null || payload.isMissingNode()) {
            return List.of("$: no JSON value");
        }
        return messages(contract.payload().validate(payload));
    }

    /**
     * Checks the CloudEvents binary-mode headers of a Kafka record carrying an event of this type:
     * every {@code ce_} attribute present, {@code ce_type} and {@code ce_source} right for the type,
     * {@code ce_specversion} {@code 1.0}, {@code ce_time} an ISO-8601 time and {@code content-type}
     * {@code application/json}. Other headers are allowed.
     *
     * @return the violations; empty if the headers keep the contract
     */
    public List<String> validateHeaders(String type, Map<String, String> headers) {
        Contract contract = contracts.get(type);
        if (contract == null) {
            return List.of(unknown(type));
        }
        ObjectNode node = JSON.createObjectNode();
        headers.forEach(node::put);
        return messages(contract.headers().validate(node));
    }

    /**
     * Like {@link #validate(String, String)}, for tests: throws when the payload breaks the contract.
     *
     * @throws AssertionError listing every violation
     */
    public void assertValid(String type, String json) {
        List<String> errors = validate(type, json);
        if (!errors.isEmpty()) {
            throw new AssertionError("Payload does not keep the contract of " + type + ":\n  "
                    + String.join("\n  ", errors) + "\npayload: " + json);
        }
    }

    /**
     * Like {@link #validateHeaders(String, Map)}, for tests: throws when the headers break the contract.
     *
     * @throws AssertionError listing every violation
     */
    public void assertValidHeaders(String type, Map<String, String> headers) {
        List<String> errors = validateHeaders(type, headers);
        if (!errors.isEmpty()) {
            throw new AssertionError("Headers do not keep the contract of " + type + ":\n  "
                    + String.join("\n  ", errors) + "\nheaders: " + headers);
        }
    }

    /**
     * The example payload of an event type, as JSON text.
     *
     * @throws IllegalArgumentException for a type the contracts do not know
     */
    public String example(String type) {
        return contract(type).example();
    }

    private Contract contract(String type) {
        Contract contract = contracts.get(type);
        if (contract == null) {
            throw new IllegalArgumentException(unknown(type));
        }
        return contract;
    }

    private String unknown(String type) {
        return "unknown event type '" + type + "'; the contracts know " + contracts.keySet();
    }

    private static List<String> messages(List<Error> errors) {
        List<String> messages = new ArrayList<>(errors.size());
        for (Error error : errors) {
            messages.add(error.toString());
        }
        return List.copyOf(messages);
    }

    // Reading the contracts

    private static EventContracts read(ClassLoader classLoader) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // 2020-12 treats "format" as an annotation unless told otherwise; times must be times.
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH)
                        .build()));
        JsonNode document = YAMLMapper.builder().build().readTree(text(classLoader, ASYNCAPI));
        JsonNode components = document.path("components");

        Map<String, Contract> contracts = new LinkedHashMap<>();
        Set<String> topics = new LinkedHashSet<>();
        for (JsonNode channel : document.path("channels")) {
            String topic = required(channel, "address", "a channel");
            topics.add(topic);
            for (JsonNode reference : channel.path("messages")) {
                JsonNode message = resolve(components, required(reference, "$ref", "a channel message"), MESSAGE_REF);
                String type = required(message, "name", "a message");
                String keyField = required(message, "x-key-field", type);
                String payloadRef = required(message.path("payload"), "$ref", type + " payload");
                Schema payload = registry.getSchema(json(text(classLoader, BASE + stripDotSlash(payloadRef))));
                Schema headers = registry.getSchema(headersSchema(components, message.path("headers"), type));
                String example = text(classLoader, BASE + "examples/" + type + ".json");
                if (contracts.put(type, new Contract(type, topic, keyField, payload, headers, example)) != null) {
                    throw new IllegalStateException(ASYNCAPI + " lists " + type + " more than once");
                }
            }
        }
        if (contracts.isEmpty()) {
            throw new IllegalStateException(ASYNCAPI + " lists no messages");
        }
        return new EventContracts(contracts, topics);
    }

    /** Inlines the local references of a message's headers schema, so it stands on its own. */
    private static JsonNode headersSchema(JsonNode components, JsonNode headers, String type) {
        if (headers.isMissingNode()) {
            throw new IllegalStateException(ASYNCAPI + ": " + type + " has no headers schema");
        }
        return inline(components, headers);
    }

    private static JsonNode inline(JsonNode components, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                return inline(components, resolve(components, ref.asString(), SCHEMA_REF));
            }
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), inline(components, entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(inline(components, item)));
            return copy;
        }
        return node;
    }

    private static JsonNode resolve(JsonNode components, String ref, String prefix) {
        if (!ref.startsWith(prefix)) {
            throw new IllegalStateException(ASYNCAPI + ": expected a reference to " + prefix + "..., found " + ref);
        }
        String section = prefix.substring("#/components/".length(), prefix.length() - 1);
        JsonNode target = components.path(section).path(ref.substring(prefix.length()));
        if (target.isMissingNode()) {
            throw new IllegalStateException(ASYNCAPI + ": " + ref + " points nowhere");
        }
        return target;
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalStateException(ASYNCAPI + ": " + where + " has no '" + field + "'");
        }
        return value.asString();
    }

    private static String stripDotSlash(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String text(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing contract resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read contract resource " + resource, ex);
        }
    }
}
