package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleHtmlTest {

    /** Known cross-site scripting payloads, as raw HTML and as Markdown. */
    static Stream<String> xssPayloads() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</script>",
                "<<script>script>alert(1)//<</script>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=javascript:alert('XSS')>",
                "<img src=\"x\" onerror=\"alert(1)\"",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<body onload=alert(1)>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"  javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
                "<a href=\"vbscript:msgbox(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
                "<a href=\"https://example.com\" onmouseover=\"alert(1)\">hover</a>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<button formaction=\"javascript:alert(1)\">go</button>",
                "<div style=\"background:url(javascript:alert(1))\">styled</div>",
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<link rel=stylesheet href=\"javascript:alert(1)\">",
                "<p title=\"</p><script>alert(1)</script>\">x</p>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<textarea><script>alert(1)</script></textarea>",
                "[click](javascript:alert(1))",
                "[click](JAVASCRIPT:alert(1))",
                "[click](javascript&#58;alert(1))",
                "[click](<javascript:alert(1)>)",
                "![image](javascript:alert(1))",
                "[click][ref]\n\n[ref]: javascript:alert(1)",
                "<javascript:alert(1)>",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "**bold <img src=x onerror=alert(1)>**",
                "> quote <script>alert(1)</script>");
    }

    @ParameterizedTest
    @MethodSource("xssPayloads")
    void noScriptEventHandlerOrScriptLinkSurvives(String payload) {
        String html = ArticleHtml.render("Intro paragraph.\n\n" + payload + "\n\nClosing paragraph.");
        assertSafe(html);
        assertThat(html).contains("Intro paragraph.");
    }

    @ParameterizedTest
    @MethodSource("xssPayloads")
    void teasersAreSafeToo(String payload) {
        assertSafe(ArticleHtml.teaser(payload + "\n\nMore.", "dek"));
    }

    @Test
    void keepsTheFormattingWritersUse() {
        String html = ArticleHtml.render("""
                # Council budget

                The council **approved** the budget, with *some* changes.

                - more buses
                - fewer potholes

                > A quote from the mayor.

                See [the minutes](https://example.org/minutes) and ![chart](https://example.org/chart.png).

                ```java
                int x = 1;
                ```
                """);
        assertThat(html).contains("<h1>Council budget</h1>")
                .contains("<strong>approved</strong>")
                .contains("<em>some</em>")
                .contains("<li>more buses</li>")
                .contains("<blockquote>")
                .contains("href=\"https://example.org/minutes\"")
                .contains("src=\"https://example.org/chart.png\"")
                .contains("<pre><code class=\"language-java\">int x &#61; 1;");
    }

    @Test
    void teaserIsTheOpeningOfTheFirstParagraphAsTextWithThePatronsMarker() {
        String body = "The *harbour* deal was signed on Monday.\n\nThe second paragraph holds the details "
                + "that only patrons read.";
        String teaser = ArticleHtml.teaser(body, "dek");
        assertThat(teaser).startsWith("<p>The harbour deal was signed on Monday.</p>")
                .endsWith(ArticleHtml.PATRONS_MARKER)
                .doesNotContain("second paragraph");
    }

    @Test
    void teaserOfALongParagraphIsShortened() {
        String body = "word ".repeat(200);
        String teaser = ArticleHtml.teaser(body, null);
        assertThat(teaser.length()).isLessThan(ArticleHtml.TEASER_LENGTH + ArticleHtml.PATRONS_MARKER.length() + 20);
        assertThat(teaser).contains("…");
    }

    @Test
    void teaserFallsBackToTheDek() {
        assertThat(ArticleHtml.teaser("# Only a heading", "The dek <b>here</b>"))
                .startsWith("<p>The dek &lt;b&gt;here&lt;/b&gt;</p>");
    }

    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([^\\s=/]+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final java.util.Set<String> FORBIDDEN_TAGS = java.util.Set.of("script", "iframe", "object",
            "embed", "style", "svg", "math", "form", "input", "button", "base", "meta", "link", "textarea",
            "noscript", "body", "video", "source", "details");

    static void assertSafe(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertThat(FORBIDDEN_TAGS).as("tag <%s> in %s", name, html).doesNotContain(name);
            Matcher attr = ATTR.matcher(tag.group(2));
            while (attr.find()) {
                String attrName = attr.group(1).toLowerCase(Locale.ROOT);
                assertThat(attrName).as("attribute in %s", html).doesNotStartWith("on").isNotEqualTo("style")
                        .isNotEqualTo("formaction").isNotEqualTo("action");
                String value = decode(unquote(attr.group(2))).replaceAll("[\\s\\p{Cntrl}]", "")
                        .toLowerCase(Locale.ROOT);
                assertThat(value).as("%s in %s", attrName, html)
                        .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
            }
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String decode(String v) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);?").matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&colon;", ":").replace("&amp;", "&");
    }
}
