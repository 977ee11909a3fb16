package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ContentPropertiesTest {

    @Property(tries = 500)
    void everyTitleGivesAValidSlug(@ForAll @StringLength(max = 400) String title) {
        String slug = Slugs.fromTitle(title);
        assertThat(Slugs.isValid(slug)).as("slug %s of %s", slug, title).isTrue();
    }

    @Property(tries = 200)
    void numberedCandidatesStayValidAndDistinct(@ForAll @StringLength(max = 200) String title,
                                                @ForAll @IntRange(min = 2, max = 9999) int n) {
        String base = Slugs.fromTitle(title);
        String candidate = Slugs.candidate(base, n);
        assertThat(Slugs.isValid(candidate)).isTrue();
        assertThat(candidate).isNotEqualTo(base).endsWith("-" + n);
    }

    @Property(tries = 300)
    void renderedHtmlNeverCarriesScriptOrHandlers(@ForAll @StringLength(max = 300) String noise) {
        String html = ArticleHtml.render(noise + "<script>alert(1)</script><img src=x onerror=alert(1)>"
                + "[x](javascript:alert(1))" + noise);
        // Escaped text (say, inside a code span) may spell "onerror"; tags and attributes may not.
        ArticleHtmlTest.assertSafe(html);
    }

    @Property(tries = 300)
    void keywordsAreNormalisedAndFindTheirOwnText(@ForAll @StringLength(max = 200) String text) {
        for (String word : Keywords.of(text)) {
            assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT));
            assertThat(word.length()).isBetween(Keywords.MIN_WORD, Keywords.MAX_WORD);
            assertThat(Keywords.query(word)).containsExactly(word);
        }
    }
}
