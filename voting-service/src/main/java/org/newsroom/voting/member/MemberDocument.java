package org.newsroom.voting.member;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** This service's projection of one member's membership, fenced by the membership version. */
@Document("members")
public record MemberDocument(@Id String id, String tier, long weightMillis, String status, Instant currentPeriodEnd,
        Instant graceEndsAt, boolean erased, long version) {

    MemberStanding standing() {
        return new MemberStanding(id, tier, weightMillis, status, currentPeriodEnd, graceEndsAt, erased, version);
    }
}
