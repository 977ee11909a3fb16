package org.newsroom.defaults.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as an RFC 9457 problem with a stable {@code type}.
 * Services throw it from handlers; {@link ProblemWebExceptionHandler} writes it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, slug, "Forbidden", detail);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Cannot be done", detail);
    }

    public static ProblemException tooManyRequests(String slug, String detail) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, slug, "Too many requests", detail);
    }

    /** A request whose fields break the rules: 400 with one entry per field. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One invalid field of a request. */
    public record FieldProblem(String field, String message) {
    }
}
