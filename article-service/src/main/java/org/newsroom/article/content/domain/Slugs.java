package org.newsroom.article.content.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Readable, URL-safe article addresses made from titles: lower-case ASCII letters and digits joined by
 * single hyphens. Letters with accents keep their base letter; anything else separates words.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    /** Used when a title has no letters or digits that a slug can keep. */
    public static final String FALLBACK = "article";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String fromTitle(String title) {
        if (title == null) {
            return FALLBACK;
        }
        String s = title.strip()
                .replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Œ", "OE").replace("œ", "oe")
                .replace("Ø", "O").replace("ø", "o").replace("Ł", "L").replace("ł", "l").replace("Đ", "D")
                .replace("đ", "d").replace("Þ", "Th").replace("þ", "th")
                .replace("&", " and ");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = trimHyphens(s);
        s = truncate(s, MAX_LENGTH);
        return s.isEmpty() ? FALLBACK : s;
    }

    /** The n-th candidate for a slug that is taken: {@code base}, {@code base-2}, {@code base-3}, ... */
    public static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return truncate(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String cut = s.substring(0, max);
        int lastHyphen = cut.lastIndexOf('-');
        // Cut at a word boundary unless that would leave too little of the title.
        if (s.charAt(max) != '-' && lastHyphen > max / 2) {
            cut = cut.substring(0, lastHyphen);
        }
        return trimHyphens(cut);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
