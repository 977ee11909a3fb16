package org.newsroom.membership.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, stored only as its SHA-256. Every token descends from one sign-in: its family.
 *
 * @param spentAt when it was exchanged for a new one (presenting it again revokes the family)
 */
@Document(RefreshTokenDocument.COLLECTION)
public record RefreshTokenDocument(@Id String hash, String familyId, String memberId, Instant issuedAt,
        Instant expiresAt, Instant spentAt, Instant revokedAt) {

    public static final String COLLECTION = "refresh_tokens";
}
