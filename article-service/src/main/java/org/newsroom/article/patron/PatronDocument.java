package org.newsroom.article.patron;

import java.time.Instant;

import org.newsroom.article.patron.domain.PatronStanding;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's projection of one member's membership. After the member's erasure only a tombstone
 * stays ({@code erased}, the id and the version), so a late, older event cannot bring the member back.
 */
@Document(PatronDocument.COLLECTION)
public record PatronDocument(@Id String memberId, String status, String tier, Instant currentPeriodEnd,
                             Instant graceEndsAt, long version, boolean erased, Instant updatedAt) {

    public static final String COLLECTION = "patrons";

    PatronStanding standing() {
        return new PatronStanding(memberId, erased ? null : status, tier, currentPeriodEnd, graceEndsAt, version);
    }
}
