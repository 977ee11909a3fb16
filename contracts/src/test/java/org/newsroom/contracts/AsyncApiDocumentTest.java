package org.newsroom.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AsyncApiDocumentTest {

    private static final Map<String, String> OWNERS = Map.of(
            "newsroom.membership.v1", "membership-service",
            "newsroom.article.v1", "article-service",
            "newsroom.voting.v1", "voting-service");

    private final JsonNode document =
            YAMLMapper.builder().build().readTree(SchemasRejectBrokenEventsTest.resource(EventContracts.ASYNCAPI));
    private final JsonNode components = document.path("components");

    @Test
    void isAnAsyncApi3DocumentNamingExactlyTheThreeTopics() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("defaultContentType").asString()).isEqualTo("application/json");

        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        assertThat(addresses).containsExactlyInAnyOrder("newsroom.membership.v1", "newsroom.article.v1",
                "newsroom.voting.v1");
    }

    @Test
    void everyTopicHasSixPartitions() {
        document.path("channels").forEach(channel -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asString()).isEqualTo(channel.path("address").asString());
            assertThat(kafka.path("partitions").asInt()).isEqualTo(6);
        });
    }

    @Test
    void eachTopicHasOneSendOperationCoveringAllItsMessages() {
        for (var channel : document.path("channels").properties()) {
            String ref = "#/channels/" + channel.getKey();
            List<JsonNode> sends = new ArrayList<>();
            document.path("operations").forEach(op -> {
                if (ref.equals(op.path("channel").path("$ref").asString())) {
                    sends.add(op);
                }
            });
            assertThat(sends).as(ref).singleElement()
                    .satisfies(op -> assertThat(op.path("action").asString()).isEqualTo("send"));

            Set<String> operationMessages = new TreeSet<>();
            sends.get(0).path("messages").forEach(m -> operationMessages.add(m.path("$ref").asString()));
            Set<String> channelMessages = new TreeSet<>();
            channel.getValue().path("messages").propertyNames()
                    .forEach(name -> channelMessages.add(ref + "/messages/" + name));
            assertThat(operationMessages).as(ref).isEqualTo(channelMessages);

            String owner = OWNERS.get(channel.getValue().path("address").asString());
            assertThat(sends.get(0).path("title").asString()).startsWith(owner);
        }
    }

    @Test
    void everyChannelMessageIsAComponentMessage() {
        document.path("channels").forEach(channel -> channel.path("messages").forEach(reference -> {
            String ref = reference.path("$ref").asString();
            assertThat(ref).startsWith("#/components/messages/");
            assertThat(components.path("messages").has(ref.substring("#/components/messages/".length())))
                    .as(ref).isTrue();
        }));
    }

    @Test
    void everyMessageIsAVersionedCloudEventTypeWithItsHeadersKeyAndPayload() {
        Pattern typeName = Pattern.compile("org\\.newsroom\\.(membership|article|voting)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
        for (var channel : document.path("channels")) {
            String topic = channel.path("address").asString();
            for (JsonNode reference : channel.path("messages")) {
                JsonNode message = components.path("messages")
                        .path(reference.path("$ref").asString().substring("#/components/messages/".length()));
                String type = message.path("name").asString();

                assertThat(type).matches(typeName);
                assertThat(topic).isEqualTo("newsroom." + type.split("\\.")[2] + ".v1");
                assertThat(message.path("contentType").asString()).isEqualTo("application/json");
                assertThat(message.path("payload").path("$ref").asString()).isEqualTo("./schemas/" + type + ".json");

                JsonNode headers = message.path("headers").path("allOf");
                assertThat(headers.get(0).path("$ref").asString()).isEqualTo("#/components/schemas/cloudEventHeaders");
                JsonNode specific = headers.get(1).path("properties");
                assertThat(specific.path("ce_type").path("const").asString()).as(type).isEqualTo(type);
                assertThat(specific.path("ce_source").path("const").asString()).as(type)
                        .isEqualTo("/newsroom/" + OWNERS.get(topic));

                JsonNode key = message.path("bindings").path("kafka").path("key");
                assertThat(key.path("type").asString()).as(type).isEqualTo("string");
                String keyField = message.path("x-key-field").asString();
                JsonNode schema = JsonMapper.builder().build()
                        .readTree(SchemasRejectBrokenEventsTest.resource("contracts/schemas/" + type + ".json"));
                assertThat(schema.path("required").valueStream().map(JsonNode::asString))
                        .as("%s is keyed by a required field", type).contains(keyField);
                assertThat(key.path("description").asString()).contains(keyField);
            }
        }
    }

    @Test
    void theCloudEventHeadersAreAllRequired() {
        JsonNode headers = components.path("schemas").path("cloudEventHeaders");
        assertThat(headers.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time",
                        "ce_subject", "content-type");
        assertThat(headers.path("properties").path("ce_specversion").path("const").asString()).isEqualTo("1.0");
        assertThat(headers.path("properties").path("content-type").path("const").asString())
                .isEqualTo("application/json");
    }

    @Test
    void listsTheSameEventTypesAsTheConventions() throws Exception {
        Path conventions = Path.of("..", "docs", "conventions.md");
        assumeTrue(Files.isReadable(conventions), "docs/conventions.md is beside this module in the repository");

        Set<String> documented = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("`(org\\.newsroom\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+)`")
                .matcher(Files.readString(conventions));
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }
        assertThat(documented).isNotEmpty();
        assertThat(EventContracts.load().types()).containsExactlyInAnyOrderElementsOf(documented);
    }
}
