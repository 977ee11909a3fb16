package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleContentTest {

    @Test
    void normalisesTagsAuthorsAndVisibility() {
        ArticleContent c = ArticleContent.of("  Title ", null, "Body", List.of("Local News", "local-news", "CITY"),
                List.of(" Ada ", "Ada", "Bo"), "patrons", " t-1 ");
        assertThat(c.title()).isEqualTo("Title");
        assertThat(c.dek()).isEmpty();
        assertThat(c.tags()).containsExactly("local-news", "city");
        assertThat(c.authors()).containsExactly("Ada", "Bo");
        assertThat(c.visibility()).isEqualTo(Visibility.PATRONS);
        assertThat(c.topicId()).isEqualTo("t-1");
    }

    @Test
    void visibilityDefaultsToPublicAndBlankTopicIsNone() {
        ArticleContent c = ArticleContent.of("T", "", "", null, null, null, "  ");
        assertThat(c.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(c.topicId()).isNull();
        assertThat(c.tags()).isEmpty();
        assertThat(c.hasBody()).isFalse();
    }

    @Test
    void reportsEveryViolationWithItsField() {
        InvalidContentException e = catchThrowableOfType(InvalidContentException.class,
                () -> ArticleContent.of(" ", "d".repeat(ArticleContent.MAX_DEK + 1),
                        "b".repeat(ArticleContent.MAX_BODY + 1), List.of("ok", "no/slash", ""),
                        Arrays.asList("", "x".repeat(101), null), "SECRET", "bad topic id"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("title", "dek", "body", "tags[1]",
                "tags[2]", "authors[0]", "authors[1]", "authors[2]", "visibility", "topicId");
    }

    @Test
    void limitsSizes() {
        assertThat(catchThrowableOfType(InvalidContentException.class, () -> ArticleContent.of(
                "t".repeat(ArticleContent.MAX_TITLE + 1), "", "", List.of(), List.of(), "PUBLIC", null))
                .violations()).extracting(Violation::field).containsExactly("title");
        assertThat(catchThrowableOfType(InvalidContentException.class, () -> ArticleContent.of(
                "T", "", "", Collections.nCopies(ArticleContent.MAX_TAGS + 1, "a"), List.of(), "PUBLIC", null))
                .violations()).extracting(Violation::field).containsExactly("tags");
        assertThat(catchThrowableOfType(InvalidContentException.class, () -> ArticleContent.of(
                "T", "", "", List.of("t".repeat(ArticleContent.MAX_TAG + 1)), List.of(), "PUBLIC", null))
                .violations()).extracting(Violation::field).containsExactly("tags[0]");
        assertThat(catchThrowableOfType(InvalidContentException.class, () -> ArticleContent.of(
                "T", "", "", List.of(), Collections.nCopies(ArticleContent.MAX_AUTHORS + 1, "a"), "PUBLIC", null))
                .violations()).extracting(Violation::field).containsExactly("authors");
        // exactly at the limits is fine
        ArticleContent.of("t".repeat(ArticleContent.MAX_TITLE), "d".repeat(ArticleContent.MAX_DEK),
                "b".repeat(ArticleContent.MAX_BODY), Collections.nCopies(ArticleContent.MAX_TAGS, "a"),
                List.of("x".repeat(ArticleContent.MAX_AUTHOR)), "PUBLIC", "t".repeat(ArticleContent.MAX_TOPIC_ID));
    }
}
