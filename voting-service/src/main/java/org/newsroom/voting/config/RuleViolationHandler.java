package org.newsroom.voting.config;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.defaults.web.Problems;
import org.newsroom.voting.common.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a refused voting rule with the shared problem format. The domain raises
 * {@link RuleViolation} so it stays free of the web layer; this maps its kind to a status.
 */
@RestControllerAdvice
class RuleViolationHandler {

    private final Problems problems;

    RuleViolationHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    Mono<Void> handle(RuleViolation violation, ServerWebExchange exchange) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        return problems.write(exchange, status, violation.slug(), status.getReasonPhrase(), violation.getMessage(),
                violation.fieldErrors().stream()
                        .map(error -> new ProblemException.FieldProblem(error.field(), error.message()))
                        .toList());
    }
}
