package org.newsroom.voting.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsroom.voting.member.MemberStanding.Refusal;

class MemberStandingTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static MemberStanding standing(String status, Instant periodEnd, Instant graceEnd) {
        return new MemberStanding("m1", "Supporter", 1, status, periodEnd, graceEnd, false, 3);
    }

    @Test
    void activeAndComplimentaryMembersArePatrons() {
        assertThat(standing("ACTIVE", NOW.plusSeconds(60), null).refusalAt(NOW)).isNull();
        assertThat(standing("COMPLIMENTARY", NOW.plusSeconds(60), null).refusalAt(NOW)).isNull();
    }

    @Test
    void pastDueCountsWithinGraceOnly() {
        assertThat(standing("PAST_DUE", NOW.minusSeconds(60), NOW.plusSeconds(1)).refusalAt(NOW)).isNull();
        assertThat(standing("PAST_DUE", NOW.minusSeconds(60), NOW).refusalAt(NOW)).isEqualTo(Refusal.LAPSED);
    }

    @Test
    void cancelledCountsUntilThePaidPeriodEnds() {
        assertThat(standing("CANCELLED", NOW.plusSeconds(1), null).refusalAt(NOW)).isNull();
        assertThat(standing("CANCELLED", NOW.minusSeconds(1), null).refusalAt(NOW)).isEqualTo(Refusal.LAPSED);
    }

    @Test
    void lapsedEndedPendingReadersAndErasedMembersAreNotPatrons() {
        assertThat(standing("LAPSED", null, null).refusalAt(NOW)).isEqualTo(Refusal.LAPSED);
        assertThat(standing("ENDED", null, null).refusalAt(NOW)).isEqualTo(Refusal.LAPSED);
        assertThat(standing("PENDING", null, null).refusalAt(NOW)).isEqualTo(Refusal.NOT_A_PATRON);
        assertThat(new MemberStanding("m1", null, 0, null, null, null, false, 1).refusalAt(NOW))
                .isEqualTo(Refusal.NOT_A_PATRON);
        assertThat(new MemberStanding("m1", "Supporter", 1, "ACTIVE", null, null, true, 9).refusalAt(NOW))
                .isEqualTo(Refusal.ERASED);
    }
}
