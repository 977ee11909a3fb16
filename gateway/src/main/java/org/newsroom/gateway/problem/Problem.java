package org.newsroom.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem answer made by the gateway itself. The {@code type} is stable: clients may
 * switch on it.
 */
public record Problem(String slug, HttpStatus status, String title, String detail) {

    public static final String TYPE_BASE = "https://newsroom.example/problems/";

    public static Problem of(HttpStatus status, String detail) {
        return new Problem(slugFor(status), status, status.getReasonPhrase(), detail);
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    Map<String, Object> body(String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type().toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    static String slugFor(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "upstream-timeout";
            default -> status.is4xxClientError() ? "client-error" : "internal-error";
        };
    }
}
