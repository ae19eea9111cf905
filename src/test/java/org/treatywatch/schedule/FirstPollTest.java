package org.treatywatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.treatywatch.config.FeedDef;
import org.treatywatch.store.FeedRow;

/**
 * On H2 the schedule is rebuilt at every start: a restart must neither poll every feed again at
 * once (an hourly outlet polled a minute ago waits for its hour) nor leave a feed unpolled for
 * longer than its interval.
 */
class FirstPollTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aFeedNeverPolledStartsWithinTheJitter() {
        Instant first = Scheduling.firstPoll(feed(Duration.ofHours(1), null, null), NOW);
        assertThat(first).isBetween(NOW, NOW.plusSeconds(30));
    }

    @Test
    void aFeedPolledAMinuteAgoWaitsForTheRestOfItsInterval() {
        Instant lastPoll = NOW.minus(Duration.ofMinutes(1));
        assertThat(Scheduling.firstPoll(feed(Duration.ofHours(1), lastPoll, null), NOW)).isEqualTo(lastPoll.plus(Duration.ofHours(1)));
    }

    @Test
    void aFeedThatLastFailedCountsFromTheFailure() {
        Instant success = NOW.minus(Duration.ofHours(5)), failure = NOW.minus(Duration.ofMinutes(10));
        assertThat(Scheduling.firstPoll(feed(Duration.ofHours(1), success, failure), NOW)).isEqualTo(failure.plus(Duration.ofHours(1)));
    }

    @Test
    void aFeedOverdueWhileTheServiceWasDownIsPolledAtStart() {
        Instant first = Scheduling.firstPoll(feed(Duration.ofMinutes(5), NOW.minus(Duration.ofDays(2)), null), NOW);
        assertThat(first).isBetween(NOW, NOW.plusSeconds(30));
    }

    @Test
    void aLastPollInTheFutureAfterTheClockWasSetBackWaitsOneIntervalAtMost() {
        Instant first = Scheduling.firstPoll(feed(Duration.ofMinutes(10), NOW.plus(Duration.ofDays(1)), null), NOW);
        assertThat(first).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    private static FeedRow feed(Duration interval, Instant lastSuccess, Instant lastErrorAt) {
        FeedDef def = new FeedDef("f", "f", "https://example.org/rss", FeedDef.Kind.RSS, "he", interval, true, Optional.empty());
        return new FeedRow(def, FeedRow.ORIGIN_YAML, false, null, null, lastSuccess != null, lastSuccess,
                lastErrorAt == null ? null : "timeout", lastErrorAt, lastErrorAt == null ? 0 : 1, null, null);
    }
}
