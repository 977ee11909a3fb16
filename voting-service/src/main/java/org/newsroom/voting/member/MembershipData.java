package org.newsroom.voting.member;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What this service reads from a membership event (tolerant reader: everything else is ignored). */
public record MembershipData(String memberId, String tier, BigDecimal weight, String status, Instant currentPeriodEnd,
        Instant graceEndsAt, Long version) {

    MemberStanding standing() {
        long millis = weight == null ? 0 : weight.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new MemberStanding(memberId, tier, millis, status, currentPeriodEnd, graceEndsAt, false,
                version == null ? 0 : version);
    }
}
