package org.newsroom.article.config;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** MongoDB keeps milliseconds; so does every time this service stamps, so what it reads back is what it wrote. */
public final class ClockTime {

    private ClockTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
