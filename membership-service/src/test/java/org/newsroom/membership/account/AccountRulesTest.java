package org.newsroom.membership.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void emailsAreOneAccountWhateverTheirCaseAndSpaces() {
        assertThat(Registration.normaliseEmail("  Ada@Example.ORG ")).isEqualTo("ada@example.org");
    }

    @Test
    void aGoodRegistrationHasNoErrors() {
        assertThat(Registration.check("ada@example.org", "correct horse", "Ada")).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(Registration.check("not-an-email", "short", " "))
                .extracting(FieldError::field).containsExactly("email", "password", "displayName");
        assertThat(Registration.check(null, null, null))
                .extracting(FieldError::field).containsExactly("email", "password", "displayName");
        assertThat(Registration.check("a@b.org", "123456789", "A")).extracting(FieldError::field).containsExactly("password");
        assertThat(Registration.check("a@b.org", "1234567890", "x".repeat(101))).extracting(FieldError::field)
                .containsExactly("displayName");
    }

    @Test
    void failuresWithinTheWindowAddUpAndBlockUntilItCloses() {
        var throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15));
        var f = LoginThrottle.Failures.none(NOW);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor(f, 3, NOW)).isZero();
            f = throttle.afterFailure(f, NOW.plusSeconds(i));
        }
        assertThat(f.count()).isEqualTo(3);
        assertThat(throttle.waitFor(f, 3, NOW.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(throttle.waitFor(f, 3, NOW.plus(Duration.ofMinutes(15)))).isZero();
        assertThat(throttle.waitFor(f, 10, NOW.plusSeconds(60))).isZero();
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        var throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15));
        var f = new LoginThrottle.Failures(7, NOW);
        var next = throttle.afterFailure(f, NOW.plus(Duration.ofMinutes(16)));
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.windowStart()).isEqualTo(NOW.plus(Duration.ofMinutes(16)));
    }

    @Test
    void aRefreshTokenIsExchangedOnceAndReuseRevokesTheFamily() {
        var expires = NOW.plus(Duration.ofDays(30));
        assertThat(RefreshFamily.judge(true, null, null, expires, NOW)).isEqualTo(RefreshFamily.Verdict.ROTATE);
        assertThat(RefreshFamily.judge(true, NOW, null, expires, NOW)).isEqualTo(RefreshFamily.Verdict.REVOKE_FAMILY);
        assertThat(RefreshFamily.judge(true, null, NOW, expires, NOW)).isEqualTo(RefreshFamily.Verdict.REFUSE);
        assertThat(RefreshFamily.judge(true, null, null, NOW, NOW)).isEqualTo(RefreshFamily.Verdict.REFUSE);
        assertThat(RefreshFamily.judge(false, null, null, expires, NOW)).isEqualTo(RefreshFamily.Verdict.REFUSE);
    }
}
