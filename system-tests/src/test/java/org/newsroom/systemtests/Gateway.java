package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import net.minidev.json.JSONValue;

/**
 * The gateway as the people of one journey reach it: every request from one client address (sent as
 * {@code X-Forwarded-For} by the loopback proxy the stack trusts, as an ingress would), and every answer
 * kept, so that a journey can check at its end that no service failed with a 5xx.
 */
public final class Gateway {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final String clientAddress;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    private Gateway(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
    }

    /** A client from an address of its own (from 198.18.0.0/15, the range set aside for tests). */
    public static Gateway fromNewAddress(String baseUrl) {
        int n = NEXT_ADDRESS.getAndIncrement();
        return new Gateway(baseUrl, "198.18." + (n / 250) + "." + (1 + n % 250));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public HttpClient http() {
        return HTTP;
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer get(String path) {
        return get(path, null);
    }

    public Answer post(String path, String token, Object json) {
        return send("POST", path, token, json == null ? null : JSONValue.toJSONString(json), Map.of());
    }

    public Answer put(String path, String token, Object json) {
        return send("PUT", path, token, json == null ? null : JSONValue.toJSONString(json), Map.of());
    }

    public Answer delete(String path, String token, Object json) {
        return send("DELETE", path, token, json == null ? null : JSONValue.toJSONString(json), Map.of());
    }

    /** Any request, the body sent exactly as given (raw, possibly not JSON at all). */
    public Answer send(String method, String path, String token, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token)
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        if (rawBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(method, path, response.statusCode(), response.headers(), response.body());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A request to the gateway from this client's address, with a token where given. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Every answer so far was below 500, except those the journey caused on purpose (given as allowed). */
    public void assertNoServerErrors(java.util.function.Predicate<Answer> allowed) {
        assertThat(answers).as("answers with a 5xx status").filteredOn(a -> a.status() >= 500)
                .filteredOn(a -> !allowed.test(a)).isEmpty();
    }

    public void assertNoServerErrors() {
        assertNoServerErrors(a -> false);
    }
}
