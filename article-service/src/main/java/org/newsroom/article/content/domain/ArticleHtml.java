package org.newsroom.article.content.domain;

import java.util.regex.Pattern;

import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an editor's Markdown into the HTML readers get, once, at save time. Editors may mix in inline
 * HTML; whatever the Markdown renderer produces then passes an allow-list sanitiser, so no script,
 * event-handler attribute, style, frame or {@code javascript:} link survives.
 */
public final class ArticleHtml {

    public static final int TEASER_LENGTH = 280;
    public static final String PATRONS_MARKER =
            "<p class=\"patrons-only\">This article is for patrons. Become a patron to read it in full.</p>";

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "figure", "figcaption", "del", "sup", "sub")
                    .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}"))
                    .onElements("code")
                    .toFactory());

    private ArticleHtml() {
    }

    /** The sanitised HTML of a Markdown body. */
    public static String render(String markdown) {
        return sanitise(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** Any HTML through the article allow-list. */
    public static String sanitise(String html) {
        return POLICY.sanitize(html);
    }

    /** The plain text of a Markdown body, for search. */
    public static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /**
     * What a reader without access sees of a patrons-only article: the opening words of its first
     * paragraph (or the dek if the body has none), as escaped text, followed by the patrons marker.
     * Built from plain text, so no markup of the body can leak through.
     */
    public static String teaser(String markdown, String dek) {
        String opening = firstParagraphText(markdown);
        if (opening.isBlank()) {
            opening = dek == null ? "" : dek;
        }
        opening = opening.strip().replaceAll("\\s+", " ");
        if (opening.length() > TEASER_LENGTH) {
            int cut = opening.lastIndexOf(' ', TEASER_LENGTH);
            opening = opening.substring(0, cut > TEASER_LENGTH / 2 ? cut : TEASER_LENGTH).strip() + "…";
        }
        return (opening.isEmpty() ? "" : "<p>" + escape(opening) + "</p>") + PATRONS_MARKER;
    }

    private static String firstParagraphText(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                return TEXT.render(n);
            }
        }
        return "";
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
