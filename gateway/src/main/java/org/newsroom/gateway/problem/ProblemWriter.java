package org.newsroom.gateway.problem;

import org.newsroom.gateway.web.RequestIdFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Problem} as {@code application/problem+json}. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        // Whatever an upstream had already put here belongs to a different answer.
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (extraHeaders != null) {
            extraHeaders.forEach(headers::put);
        }
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        byte[] bytes = json.writeValueAsBytes(problem.body(exchange.getRequest().getPath().value(), requestId));
        headers.setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, problem, null);
    }
}
