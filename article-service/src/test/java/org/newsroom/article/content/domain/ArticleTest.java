package org.newsroom.article.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    static ArticleContent content(String title, String body) {
        return ArticleContent.of(title, "A dek.", body, List.of("city"), List.of("Ada Reporter"), "PUBLIC", "topic-1");
    }

    static Article draft() {
        return Article.draft("a1", "harbour-deal", content("Harbour deal", "The deal was signed."), "ed-1", T0);
    }

    @Test
    void aNewDraftIsRevisionOneWithRenderedHtmlAndKeywords() {
        Article a = draft();
        assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(a.revision()).isEqualTo(1);
        assertThat(a.version()).isEqualTo(0);
        assertThat(a.html()).isEqualTo("<p>The deal was signed.</p>\n");
        assertThat(a.keywords()).contains("harbour", "deal", "signed", "ada", "reporter", "city");
        assertThat(a.slugIsFixed()).isFalse();
    }

    @Test
    void publishingADraftAnnouncesItAndStampsThePublicationTime() {
        Change c = draft().publish("ed-2", T0.plusSeconds(60));
        assertThat(c.event()).contains(ArticleEventType.PUBLISHED);
        assertThat(c.article().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(c.article().publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(c.article().version()).isEqualTo(1);
        assertThat(c.article().slugIsFixed()).isTrue();
        assertThat(c.article().updatedBy()).isEqualTo("ed-2");
    }

    @Test
    void publishingTwiceIsRefused() {
        Article published = draft().publish("ed", T0).article();
        assertThatThrownBy(() -> published.publish("ed", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> published.schedule(T0.plusSeconds(60), "ed", T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anArticleWithoutABodyCannotBePublished() {
        Article empty = Article.draft("a2", "empty", content("Empty", "  "), "ed", T0);
        assertThatThrownBy(() -> empty.publish("ed", T0)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> empty.schedule(T0.plusSeconds(60), "ed", T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void schedulingNeedsAFutureTimeAndIsSilentUntilTheTimeComes() {
        assertThatThrownBy(() -> draft().schedule(T0, "ed", T0)).isInstanceOf(InvalidContentException.class);
        assertThatThrownBy(() -> draft().schedule(T0.minusSeconds(1), "ed", T0))
                .isInstanceOf(InvalidContentException.class);

        Instant at = T0.plus(Duration.ofHours(2));
        Change scheduled = draft().schedule(at, "ed", T0);
        assertThat(scheduled.event()).isEmpty();
        assertThat(scheduled.article().status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(scheduled.article().publishAt()).isEqualTo(at);

        assertThat(scheduled.article().publishIfDue(at.minusSeconds(1))).isEmpty();
        Change due = scheduled.article().publishIfDue(at.plusSeconds(3)).orElseThrow();
        assertThat(due.event()).contains(ArticleEventType.PUBLISHED);
        assertThat(due.article().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(due.article().publishedAt()).as("the scheduled time, not the sweep's").isEqualTo(at);
        assertThat(due.article().publishAt()).isNull();
        assertThat(due.article().publishIfDue(at.plusSeconds(60))).as("only once").isEmpty();
    }

    @Test
    void reschedulingMovesTheTime() {
        Article scheduled = draft().schedule(T0.plusSeconds(600), "ed", T0).article();
        Article moved = scheduled.schedule(T0.plusSeconds(60), "ed", T0).article();
        assertThat(moved.publishAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(moved.publishIfDue(T0.plusSeconds(61))).isPresent();
    }

    @Test
    void publishingAScheduledArticleNowDropsTheSchedule() {
        Article scheduled = draft().schedule(T0.plusSeconds(600), "ed", T0).article();
        Article now = scheduled.publish("ed", T0.plusSeconds(5)).article();
        assertThat(now.publishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(now.publishAt()).isNull();
    }

    @Test
    void unpublishingCancelsAScheduleSilently() {
        Article scheduled = draft().schedule(T0.plusSeconds(600), "ed", T0).article();
        Change c = scheduled.unpublish("ed", T0);
        assertThat(c.event()).isEmpty();
        assertThat(c.article().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(c.article().publishIfDue(T0.plusSeconds(700))).isEmpty();
    }

    @Test
    void unpublishingAPublishedArticleAnnouncesItAndRepublishingKeepsTheFirstPublicationTime() {
        Article published = draft().publish("ed", T0).article();
        Change down = published.unpublish("ed", T0.plusSeconds(100));
        assertThat(down.event()).contains(ArticleEventType.UNPUBLISHED);
        assertThat(down.article().status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(down.article().unpublishedAt()).isEqualTo(T0.plusSeconds(100));

        Change again = down.article().publish("ed", T0.plusSeconds(200));
        assertThat(again.event()).contains(ArticleEventType.PUBLISHED);
        assertThat(again.article().publishedAt()).isEqualTo(T0);
        assertThat(again.article().unpublishedAt()).isNull();
        assertThat(again.article().version()).isEqualTo(3);
    }

    @Test
    void unpublishingSomethingNotPublishedIsRefused() {
        assertThatThrownBy(() -> draft().unpublish("ed", T0)).isInstanceOf(IllegalTransitionException.class);
        Article down = draft().publish("ed", T0).article().unpublish("ed", T0).article();
        assertThatThrownBy(() -> down.unpublish("ed", T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void revisingADraftMayChangeTheSlugAndKeepsEveryRevisionNumbered() {
        Change c = draft().revise(content("Harbour deal signed", "New body."), "harbour-deal-signed", "ed-2",
                T0.plusSeconds(10));
        assertThat(c.event()).isEmpty();
        assertThat(c.article().slug()).isEqualTo("harbour-deal-signed");
        assertThat(c.article().revision()).isEqualTo(2);
        assertThat(c.article().version()).isEqualTo(1);
        assertThat(c.article().html()).contains("New body.");
        assertThat(c.article().createdBy()).isEqualTo("ed-1");
        assertThat(c.article().updatedBy()).isEqualTo("ed-2");
    }

    @Test
    void revisingAPublishedArticleKeepsItsSlugAndAnnouncesTheUpdate() {
        Article published = draft().publish("ed", T0).article();
        Change c = published.revise(content("A new headline", "Corrected body."), "a-new-headline", "ed",
                T0.plusSeconds(10));
        assertThat(c.event()).contains(ArticleEventType.UPDATED);
        assertThat(c.article().slug()).isEqualTo("harbour-deal");
        assertThat(c.article().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(c.article().content().title()).isEqualTo("A new headline");
    }

    @Test
    void theSlugStaysFixedAfterUnpublishing() {
        Article down = draft().publish("ed", T0).article().unpublish("ed", T0).article();
        Change c = down.revise(content("Other", "Body."), "other", "ed", T0);
        assertThat(c.article().slug()).isEqualTo("harbour-deal");
        assertThat(c.event()).isEmpty();
    }
}
