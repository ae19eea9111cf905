package org.treatywatch.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A flood gets a burst of answers, one warning, then silence; a second later one more command is answered. */
class CommandRateLimitTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @Test
    void aFloodGetsItsBurstOneWarningThenSilenceAndOneCommandPerSecondAfter() {
        CommandRateLimit limit = new CommandRateLimit(clock);
        for (int i = 0; i < CommandRateLimit.BURST; i++) assertThat(limit.take(7)).isEqualTo(CommandRateLimit.Verdict.OK);
        assertThat(limit.take(7)).isEqualTo(CommandRateLimit.Verdict.REFUSE_WITH_REPLY);
        for (int i = 0; i < 100; i++) assertThat(limit.take(7)).isEqualTo(CommandRateLimit.Verdict.REFUSE_SILENTLY);
        assertThat(limit.take(8)).as("another user").isEqualTo(CommandRateLimit.Verdict.OK);

        now.set(now.get().plus(Duration.ofMillis(CommandRateLimit.REFILL_MILLIS)));
        assertThat(limit.take(7)).isEqualTo(CommandRateLimit.Verdict.OK);
        assertThat(limit.take(7)).isEqualTo(CommandRateLimit.Verdict.REFUSE_WITH_REPLY);
    }
}
