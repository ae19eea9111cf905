package org.treatywatch.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The long-polling loop beats each time it asks Telegram for updates. TelegramBots reports itself
 * running even after its loop has died, so /health asks this instead: no beat for longer than a long
 * poll and its retry take means the update loop is gone.
 */
final class UpdatesHeartbeat {
    /** getUpdates waits up to 50 s for news; with a retry after a failed call, a live loop beats well within this. */
    static final Duration STALE = Duration.ofSeconds(180);

    private final Clock clock;
    private volatile Instant last;

    UpdatesHeartbeat(Clock clock) {
        this.clock = clock;
    }

    void beat() {
        last = clock.instant();
    }

    /** True if the loop has beaten lately (or not yet started: the service is still coming up). */
    boolean alive() {
        Instant l = last;
        return l == null || !l.plus(STALE).isBefore(clock.instant());
    }
}
