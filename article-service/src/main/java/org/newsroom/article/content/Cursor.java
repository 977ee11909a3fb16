package org.newsroom.article.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.newsroom.defaults.web.ProblemException;

/**
 * An opaque position in a list sorted by a time, then by id (both descending): where the next page
 * starts. Readers get it back as {@code next} and pass it as {@code cursor}.
 */
public record Cursor(Instant at, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 with a field error when the cursor is not one of ours */
    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this service gave out");
        }
    }

    /** Validates a page size given as a query parameter: a whole number from 1 to {@code max}. */
    public static int limit(String limit, int defaultLimit, int max) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number between 1 and " + max);
        }
        if (value < 1 || value > max) {
            throw ProblemException.invalid("limit", "must be between 1 and " + max);
        }
        return value;
    }
}
