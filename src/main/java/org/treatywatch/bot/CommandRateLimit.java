package org.treatywatch.bot;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user token bucket against command floods: {@value #BURST} commands at once, then one every
 * {@value #REFILL_MILLIS} ms. The first refused command gets a reply; the rest of a flood is ignored.
 */
final class CommandRateLimit {
    static final int BURST = 20;
    static final long REFILL_MILLIS = 1000;

    enum Verdict { OK, REFUSE_WITH_REPLY, REFUSE_SILENTLY }

    private static final class Bucket {
        double tokens = BURST;
        long updated;
        boolean warned;
    }

    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    CommandRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Above this many users, buckets that have refilled are forgotten (they hold nothing a new one would not). */
    static final int MAX_REMEMBERED = 10_000;

    Verdict take(long userId) {
        long now = clock.millis();
        if (buckets.size() > MAX_REMEMBERED) {
            buckets.values().removeIf(b -> now - b.updated >= BURST * REFILL_MILLIS);
        }
        Bucket b = buckets.computeIfAbsent(userId, k -> {
            Bucket nb = new Bucket();
            nb.updated = now;
            return nb;
        });
        synchronized (b) {
            b.tokens = Math.min(BURST, b.tokens + (now - b.updated) / (double) REFILL_MILLIS);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                b.warned = false;
                return Verdict.OK;
            }
            if (b.warned) return Verdict.REFUSE_SILENTLY;
            b.warned = true;
            return Verdict.REFUSE_WITH_REPLY;
        }
    }
}
