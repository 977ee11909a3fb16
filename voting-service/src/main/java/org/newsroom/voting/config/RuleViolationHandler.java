package org.newsroom.voting.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.newsroom.voting.common.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Turns a refused voting rule into an RFC 9457 problem answer with the conventions' shape. */
@RestControllerAdvice
class RuleViolationHandler {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> handle(RuleViolation v, ServerWebExchange exchange) {
        HttpStatus status = switch (v.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, v.getMessage());
        p.setType(URI.create("https://newsroom.example/problems/" + v.slug()));
        p.setTitle(status.getReasonPhrase());
        p.setInstance(URI.create(exchange.getRequest().getPath().value()));
        List<Map<String, String>> errors = v.fieldErrors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList();
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
