package org.newsroom.defaults.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure of a request into a problem answer: the service's own
 * {@link ProblemException}s, validation with field errors, malformed JSON, unknown paths, wrong
 * methods and media types. Anything unexpected is a 500 that tells nothing of the internals and is
 * logged in full.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final Problems problems;

    public ProblemWebExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ProblemException p) {
            return problems.write(exchange, p.status(), p.slug(), p.title(), p.getMessage(), p.errors());
        }
        if (error instanceof WebExchangeBindException bind) {
            List<ProblemException.FieldProblem> errors = bind.getFieldErrors().stream()
                    .map(ProblemWebExceptionHandler::fieldProblem).toList();
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "The request has invalid fields.", errors);
        }
        if (error instanceof ConstraintViolationException violations) {
            List<ProblemException.FieldProblem> errors = violations.getConstraintViolations().stream()
                    .map(v -> new ProblemException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "The request has invalid fields.", errors);
        }
        if (error instanceof PayloadTooLargeException || hasCause(error, DataBufferLimitException.class)) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "The request body is larger than this service accepts.", List.of());
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send the request body as application/json.", List.of());
        }
        if (error instanceof ServerWebInputException input) {
            String detail = hasCause(error, DecodingException.class)
                    ? "The request body is not valid JSON of the expected shape."
                    : input.getReason() != null ? input.getReason() : "The request cannot be read.";
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    detail, List.of());
        }
        if (error instanceof MethodNotAllowedException) {
            return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", "This path does not accept " + exchange.getRequest().getMethod() + ".",
                    List.of());
        }
        if (error instanceof NotAcceptableStatusException) {
            return problems.write(exchange, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                    "This path answers application/json.", List.of());
        }
        if (error instanceof ResponseStatusException status) {
            return writeStatus(exchange, status.getStatusCode(), status.getReason());
        }
        if (error instanceof AuthenticationException) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid access token is needed.", List.of());
        }
        if (error instanceof AccessDeniedException) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "You may not do this.", List.of());
        }
        if (error instanceof DuplicateKeyException) {
            return problems.write(exchange, HttpStatus.CONFLICT, "conflict", "Conflict",
                    "This conflicts with something that already exists.", List.of());
        }
        log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side.", List.of());
    }

    private Mono<Void> writeStatus(ServerWebExchange exchange, HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == HttpStatus.NOT_FOUND) {
            return problems.write(exchange, code, "not-found", "Not found",
                    "There is nothing at " + exchange.getRequest().getPath().value() + ".", List.of());
        }
        String title = status != null ? status.getReasonPhrase() : "Error";
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return problems.write(exchange, code, slug, title, reason != null ? reason : title, List.of());
    }

    private static ProblemException.FieldProblem fieldProblem(FieldError error) {
        return new ProblemException.FieldProblem(error.getField(),
                error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
