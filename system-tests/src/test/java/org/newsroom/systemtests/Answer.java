package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/** An answer of the gateway: status, headers and body, with JSON paths into the body. */
public record Answer(String method, String path, int status, HttpHeaders headers, String body) {

    public <T> T json(String jsonPath) {
        return JsonPath.read(body, jsonPath);
    }

    public String text(String jsonPath) {
        Object value = json(jsonPath);
        return value == null ? null : value.toString();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** Asserts the status, showing the whole answer when it differs. */
    public Answer expect(int expected) {
        assertThat(status).as("%s %s answered %d: %s", method, path, status, body).isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem answer with this status and a {@code type} ending in the slug. */
    public Answer expectProblem(int expectedStatus, String slug) {
        expect(expectedStatus);
        assertThat(contentType()).as("content type of %s %s", method, path).startsWith("application/problem+json");
        assertThat(text("$.type")).as("problem type of %s %s: %s", method, path, body)
                .isEqualTo("https://newsroom.example/problems/" + slug);
        assertThat(((Number) json("$.status")).intValue()).as("problem status in the body").isEqualTo(expectedStatus);
        return this;
    }

    /** Asserts an RFC 9457 problem answer with this status, whatever its type. */
    public Answer expectProblem(int expectedStatus) {
        expect(expectedStatus);
        assertThat(contentType()).as("content type of %s %s: %s", method, path, body)
                .startsWith("application/problem+json");
        assertThat(text("$.type")).as("problem type of %s %s", method, path)
                .startsWith("https://newsroom.example/problems/");
        assertThat(((Number) json("$.status")).intValue()).as("problem status in the body").isEqualTo(expectedStatus);
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
