package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void foldsCaseAndAccentsAndDropsPunctuationAndOneLetterWords() {
        assertThat(Keywords.of("Café PRICES: up 12% in Zürich — a record!", "café again"))
                .containsExactly("cafe", "prices", "up", "12", "in", "zurich", "record", "again");
    }

    @Test
    void queriesAreNormalisedTheSameWayAndBounded() {
        assertThat(Keywords.query("  Zurich CAFÉ ")).containsExactly("zurich", "cafe");
        assertThat(Keywords.query("a")).isEmpty();
        assertThat(Keywords.query("one two three four five six seven eight nine ten eleven twelve"))
                .hasSize(Keywords.MAX_QUERY_WORDS);
    }

    @Test
    void boundsTheNumberOfKeywords() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Keywords.MAX_KEYWORDS + 100; i++) {
            sb.append("w").append(i).append(' ');
        }
        assertThat(Keywords.of(sb.toString())).hasSize(Keywords.MAX_KEYWORDS);
    }
}
