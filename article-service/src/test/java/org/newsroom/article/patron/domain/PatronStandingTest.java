package org.newsroom.article.patron.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PatronStandingTest {

    static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    static PatronStanding standing(String status, Instant periodEnd, Instant graceEnd) {
        return new PatronStanding("m1", status, "supporter", periodEnd, graceEnd, 3);
    }

    @Test
    void activeMembersArePatrons() {
        assertThat(standing("ACTIVE", NOW.plusSeconds(86400), null).isPatronAt(NOW)).isTrue();
    }

    @Test
    void pastDueMembersArePatronsOnlyWithinTheirGracePeriod() {
        assertThat(standing("PAST_DUE", NOW.minusSeconds(10), NOW.plusSeconds(60)).isPatronAt(NOW)).isTrue();
        assertThat(standing("PAST_DUE", NOW.minusSeconds(10), NOW).isPatronAt(NOW)).isFalse();
        assertThat(standing("PAST_DUE", NOW.minusSeconds(10), NOW.minusSeconds(1)).isPatronAt(NOW)).isFalse();
    }

    @Test
    void cancelledAndComplimentaryMembersArePatronsUntilTheirPeriodEnds() {
        assertThat(standing("CANCELLED", NOW.plusSeconds(60), null).isPatronAt(NOW)).isTrue();
        assertThat(standing("CANCELLED", NOW, null).isPatronAt(NOW)).isFalse();
        assertThat(standing("COMPLIMENTARY", NOW.plusSeconds(60), null).isPatronAt(NOW)).isTrue();
        assertThat(standing("COMPLIMENTARY", NOW.minusSeconds(60), null).isPatronAt(NOW)).isFalse();
    }

    @Test
    void lapsedEndedPendingUnknownAndMissingStatusesAreNotPatrons() {
        for (String s : new String[] {"LAPSED", "ENDED", "PENDING", "NONE", "ERASED", "SOMETHING_NEW", null}) {
            assertThat(standing(s, NOW.plusSeconds(86400), NOW.plusSeconds(86400)).isPatronAt(NOW)).as(s).isFalse();
        }
    }

    @Test
    void onlyNewerVersionsReplaceAStanding() {
        PatronStanding s = standing("ACTIVE", null, null);
        assertThat(s.isOlderThan(4)).isTrue();
        assertThat(s.isOlderThan(3)).isFalse();
        assertThat(s.isOlderThan(2)).isFalse();
    }
}
