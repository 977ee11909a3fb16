package org.newsroom.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ContractFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CONTRACTS = Path.of("src", "main", "resources", "contracts");

    /** Keywords JSON Schema draft 2020-12 and draft-07 share, so AsyncAPI tooling reads the schemas too. */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "required", "properties", "items", "enum", "const", "format", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "minItems", "maxItems", "uniqueItems", "if", "then", "else");

    /** Nothing that identifies, reaches or charges a person travels in an event. */
    private static final Set<String> PERSONAL_DATA = Set.of("email", "mail", "password", "passwd", "secret", "token",
            "card", "iban", "bic", "cvc", "cvv", "payment", "billing", "stripe", "patreon", "phone", "address", "birth",
            "ip");

    static List<String> types() {
        return List.copyOf(EventContracts.load().types());
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeHasASchemaAndAnExampleFile(String type) {
        assertThat(CONTRACTS.resolve("schemas").resolve(type + ".json")).isRegularFile();
        assertThat(CONTRACTS.resolve("examples").resolve(type + ".json")).isRegularFile();
    }

    @Test
    void noSchemaOrExampleWithoutAMessageInTheAsyncApiDocument() throws IOException {
        Set<String> expected = new TreeSet<>();
        types().forEach(type -> expected.add(type + ".json"));
        assertThat(fileNames(CONTRACTS.resolve("schemas"))).isEqualTo(expected);
        assertThat(fileNames(CONTRACTS.resolve("examples"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("types")
    void theSchemaDeclaresItselfAndItsType(String type) {
        JsonNode schema = schema(type);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).endsWith("/" + type + ".json");
        assertThat(schema.path("title").asString()).isEqualTo(type);
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("description").asString()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theSchemaIsAValidDraft202012Schema(String type) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        assertThat(metaSchema.validate(schema(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRequiredFieldIsDescribedAndVersionIsRequired(String type) {
        JsonNode schema = schema(type);
        List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
        assertThat(required).contains("version").doesNotHaveDuplicates();
        required.forEach(field -> assertThat(schema.path("properties").has(field)).as(field).isTrue());
        schema.path("properties").properties().forEach(p ->
                assertThat(p.getValue().path("description").asString()).as(p.getKey()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("types")
    void timesAreUtcDateTimes(String type) {
        schema(type).path("properties").properties().forEach(p -> {
            if (p.getKey().endsWith("At") || p.getKey().endsWith("End")) {
                assertThat(p.getValue().path("format").asString()).as(p.getKey()).isEqualTo("date-time");
                assertThat(p.getValue().path("pattern").asString()).as(p.getKey()).isEqualTo("Z$");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("types")
    void staysOpenForAdditiveChangesAndUsesOnlyPortableKeywords(String type) {
        walk(schema(type), (name, node) -> {
            assertThat(node.has("additionalProperties")).as("additionalProperties at %s", name).isFalse();
            node.propertyNames().forEach(keyword -> {
                if (!"properties".equals(name)) {
                    assertThat(PORTABLE_KEYWORDS).as("keyword at %s", name).contains(keyword);
                }
            });
        });
    }

    @ParameterizedTest
    @MethodSource("types")
    void carriesNoPersonalContactSignInOrPaymentData(String type) {
        List<String> fields = new ArrayList<>();
        walk(schema(type), (name, node) -> {
            if ("properties".equals(name)) {
                fields.addAll(node.propertyNames());
            }
        });
        assertThat(fields).isNotEmpty().noneMatch(field -> words(field).stream().anyMatch(PERSONAL_DATA::contains));
    }

    @Test
    void theWordCheckFindsPersonalDataInCamelCaseNames() {
        assertThat(words("billingEmail")).contains("email");
        assertThat(words("lastIPAddress")).contains("ip", "address");
        assertThat(words("membershipId")).doesNotContain("ip");
    }

    /** Splits a camelCase or kebab-case name into lowercase words: "lastIPAddress" gives last, ip, address. */
    private static List<String> words(String name) {
        return List.of(name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[-_]")).stream()
                .map(String::toLowerCase)
                .toList();
    }

    private interface Visitor {
        void visit(String name, JsonNode node);
    }

    /** Visits every object in a schema with the name of the member it is the value of. */
    private static void walk(JsonNode node, Visitor visitor) {
        walk("(root)", node, visitor);
    }

    private static void walk(String name, JsonNode node, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(name, node);
            node.properties().forEach(p -> walk(p.getKey(), p.getValue(), visitor));
        }
        else if (node.isArray()) {
            node.forEach(item -> walk(name, item, visitor));
        }
    }

    private static JsonNode schema(String type) {
        return JSON.readTree(SchemasRejectBrokenEventsTest.resource("contracts/schemas/" + type + ".json"));
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.forEach(f -> names.add(f.getFileName().toString()));
            return names;
        }
    }
}
