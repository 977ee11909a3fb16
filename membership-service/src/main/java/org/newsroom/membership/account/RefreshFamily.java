package org.newsroom.membership.account;

import java.time.Instant;

/**
 * What presenting a refresh token means: a live, unspent token is exchanged; a spent one means it
 * was stolen or copied, so the whole family (every token descended from the same sign-in) is
 * revoked; expired, revoked or unknown ones are refused.
 */
public final class RefreshFamily {

    public enum Verdict {
        ROTATE, REVOKE_FAMILY, REFUSE
    }

    private RefreshFamily() {
    }

    public static Verdict judge(boolean found, Instant spentAt, Instant revokedAt, Instant expiresAt, Instant now) {
        if (!found || revokedAt != null) {
            return Verdict.REFUSE;
        }
        if (spentAt != null) {
            return Verdict.REVOKE_FAMILY;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.REFUSE;
        }
        return Verdict.ROTATE;
    }
}
