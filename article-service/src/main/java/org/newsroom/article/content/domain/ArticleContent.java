package org.newsroom.article.content.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an editor writes: title, dek, Markdown body, tags, authors, visibility and the voted topic the
 * article covers. Built only through {@link #of}, which normalises and enforces the size limits.
 */
public record ArticleContent(String title, String dek, String body, List<String> tags, List<String> authors,
                             Visibility visibility, String topicId) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DEK = 600;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 40;
    public static final int MAX_AUTHORS = 10;
    public static final int MAX_AUTHOR = 100;
    public static final int MAX_TOPIC_ID = 100;

    private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TOPIC_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern SPACES = Pattern.compile("[\\s_]+");

    public ArticleContent {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        Objects.requireNonNull(visibility);
    }

    /**
     * Validates and normalises raw input. Tags are lower-cased with spaces turned into hyphens and
     * duplicates dropped; visibility defaults to PUBLIC.
     *
     * @throws InvalidContentException listing every violation
     */
    public static ArticleContent of(String title, String dek, String body, List<String> tags, List<String> authors,
                                    String visibility, String topicId) {
        List<Violation> violations = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            violations.add(new Violation("title", "must not be blank"));
        } else if (t.length() > MAX_TITLE) {
            violations.add(new Violation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String d = dek == null ? "" : dek.strip();
        if (d.length() > MAX_DEK) {
            violations.add(new Violation("dek", "must be at most " + MAX_DEK + " characters"));
        }
        String b = body == null ? "" : body;
        if (b.length() > MAX_BODY) {
            violations.add(new Violation("body", "must be at most " + MAX_BODY + " characters"));
        }
        List<String> normalisedTags = new ArrayList<>();
        List<String> rawTags = tags == null ? List.of() : tags;
        if (rawTags.size() > MAX_TAGS) {
            violations.add(new Violation("tags", "must have at most " + MAX_TAGS + " tags"));
        } else {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < rawTags.size(); i++) {
                String tag = normaliseTag(rawTags.get(i));
                if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG || !TAG.matcher(tag).matches()) {
                    violations.add(new Violation("tags[" + i + "]",
                            "must be 1 to " + MAX_TAG + " letters, digits or hyphens"));
                } else {
                    seen.add(tag);
                }
            }
            normalisedTags.addAll(seen);
        }
        List<String> normalisedAuthors = new ArrayList<>();
        List<String> rawAuthors = authors == null ? List.of() : authors;
        if (rawAuthors.size() > MAX_AUTHORS) {
            violations.add(new Violation("authors", "must have at most " + MAX_AUTHORS + " authors"));
        } else {
            for (int i = 0; i < rawAuthors.size(); i++) {
                String a = rawAuthors.get(i) == null ? "" : rawAuthors.get(i).strip();
                if (a.isEmpty() || a.length() > MAX_AUTHOR) {
                    violations.add(new Violation("authors[" + i + "]", "must be 1 to " + MAX_AUTHOR + " characters"));
                } else if (!normalisedAuthors.contains(a)) {
                    normalisedAuthors.add(a);
                }
            }
        }
        Visibility v = Visibility.PUBLIC;
        if (visibility != null && !visibility.isBlank()) {
            try {
                v = Visibility.valueOf(visibility.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("visibility", "must be PUBLIC or PATRONS"));
            }
        }
        String topic = topicId == null || topicId.isBlank() ? null : topicId.strip();
        if (topic != null && (topic.length() > MAX_TOPIC_ID || !TOPIC_ID.matcher(topic).matches())) {
            violations.add(new Violation("topicId",
                    "must be at most " + MAX_TOPIC_ID + " letters, digits, '.', '_', ':' or '-'"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidContentException(violations);
        }
        return new ArticleContent(t, d, b, normalisedTags, normalisedAuthors, v, topic);
    }

    /** The normal form of a tag as readers type it in a filter: "Local News" becomes "local-news". */
    public static String normaliseTag(String raw) {
        if (raw == null) {
            return null;
        }
        return SPACES.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    public boolean hasBody() {
        return !body.isBlank();
    }
}
