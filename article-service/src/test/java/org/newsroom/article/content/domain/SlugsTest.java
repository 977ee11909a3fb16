package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "City council votes on the new bus lanes | city-council-votes-on-the-new-bus-lanes",
            "  Leading and trailing spaces   | leading-and-trailing-spaces",
            "Café prices: up 12% in 2025! | cafe-prices-up-12-in-2025",
            "Straße, Æble & Øresund | strasse-aeble-and-oresund",
            "What's next for the harbour? | whats-next-for-the-harbour",
            "Multiple --- hyphens ___ and   spaces | multiple-hyphens-and-spaces",
            "ÉCOLES PUBLIQUES | ecoles-publiques",
            "Łódź and Kraków | lodz-and-krakow",
    })
    void makesReadableAsciiSlugsFromTitles(String title, String slug) {
        assertThat(Slugs.fromTitle(title)).isEqualTo(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void fallsBackWhenATitleHasNothingASlugCanKeep() {
        assertThat(Slugs.fromTitle("?!…")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.fromTitle("新闻")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.fromTitle(null)).isEqualTo(Slugs.FALLBACK);
    }

    @Test
    void cutsLongTitlesAtAWordBoundary() {
        String title = "A very long headline about the municipal budget debate that went on well into the night "
                + "and then some more";
        String slug = Slugs.fromTitle(title);
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).startsWith("a-very-long-headline").doesNotEndWith("-");
        assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void numbersCandidatesForSlugsThatAreTaken() {
        assertThat(Slugs.candidate("bus-lanes", 1)).isEqualTo("bus-lanes");
        assertThat(Slugs.candidate("bus-lanes", 2)).isEqualTo("bus-lanes-2");
        assertThat(Slugs.candidate("bus-lanes", 13)).isEqualTo("bus-lanes-13");
        String longSlug = Slugs.fromTitle("x".repeat(200));
        assertThat(Slugs.candidate(longSlug, 7)).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("-7");
    }

    @Test
    void validatesSlugs() {
        assertThat(Slugs.isValid("a-b-c")).isTrue();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("A-b")).isFalse();
        assertThat(Slugs.isValid("a/b")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
    }
}
