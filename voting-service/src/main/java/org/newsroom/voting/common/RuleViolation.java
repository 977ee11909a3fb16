package org.newsroom.voting.common;

import java.util.List;
import java.util.Map;

/**
 * A request that a voting rule refuses. Plain Java so the domain stays free of the web layer; the
 * web layer turns it into a problem answer with the matching status.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE, TOO_MANY }

    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String slug;
    private final List<FieldError> fieldErrors;

    public RuleViolation(Kind kind, String slug, String message, List<FieldError> fieldErrors) {
        super(message);
        this.kind = kind;
        this.slug = slug;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static RuleViolation invalid(List<FieldError> errors) {
        return new RuleViolation(Kind.INVALID, "validation", "The request has invalid fields.", errors);
    }

    public static RuleViolation invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static RuleViolation notFound(String slug, String message) {
        return new RuleViolation(Kind.NOT_FOUND, slug, message, List.of());
    }

    public static RuleViolation forbidden(String slug, String message) {
        return new RuleViolation(Kind.FORBIDDEN, slug, message, List.of());
    }

    public static RuleViolation conflict(String slug, String message) {
        return new RuleViolation(Kind.CONFLICT, slug, message, List.of());
    }

    public static RuleViolation unprocessable(String slug, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, slug, message, List.of());
    }

    public static RuleViolation unprocessable(String slug, String message, String field) {
        return new RuleViolation(Kind.UNPROCESSABLE, slug, message, List.of(new FieldError(field, message)));
    }

    public static RuleViolation tooMany(String slug, String message) {
        return new RuleViolation(Kind.TOO_MANY, slug, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> fieldMap() {
        return fieldErrors.stream().collect(java.util.stream.Collectors.toMap(FieldError::field,
                FieldError::message, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
