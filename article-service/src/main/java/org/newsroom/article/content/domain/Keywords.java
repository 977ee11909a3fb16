package org.newsroom.article.content.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words an article can be found by. Stored as a normalised array on the article and matched with
 * {@code $all}, which works on MongoDB and on the MongoDB-wire server alike (neither needs {@code $text}).
 * Normalising folds case and accents, so "Café" is found by "cafe".
 */
public final class Keywords {

    public static final int MIN_WORD = 2;
    public static final int MAX_WORD = 40;
    /** Bounds the array on very long articles; the words kept are the first distinct ones. */
    public static final int MAX_KEYWORDS = 5_000;
    public static final int MAX_QUERY_WORDS = 10;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Keywords() {
    }

    /** The distinct normalised words of the given texts, in order of first appearance. */
    public static List<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : split(text)) {
                if (words.size() >= MAX_KEYWORDS) {
                    return new ArrayList<>(words);
                }
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    /** The words of a reader's search, normalised the same way; at most {@link #MAX_QUERY_WORDS}. */
    public static List<String> query(String q) {
        List<String> words = of(q);
        return words.size() > MAX_QUERY_WORDS ? words.subList(0, MAX_QUERY_WORDS) : words;
    }

    private static List<String> split(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(folded)) {
            if (w.length() >= MIN_WORD && w.length() <= MAX_WORD) {
                out.add(w);
            }
        }
        return out;
    }
}
