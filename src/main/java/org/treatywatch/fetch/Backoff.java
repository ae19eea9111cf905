package org.treatywatch.fetch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failing feed again: the interval doubled per consecutive failure, capped at six
 * hours, with ±20% jitter so feeds on one host do not retry in step; a server's Retry-After wins
 * when longer.
 */
public final class Backoff {
    public static final Duration CAP = Duration.ofHours(6);

    private Backoff() {}

    public static Duration after(Duration interval, int consecutiveFailures, Duration retryAfter) {
        int exp = Math.min(Math.max(consecutiveFailures, 1) - 1, 16);
        long base = Math.min(interval.toMillis() * (1L << exp), CAP.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        long ms = Math.min((long) (base * jitter), CAP.toMillis());
        if (retryAfter != null && retryAfter.toMillis() > ms) ms = Math.min(retryAfter.toMillis(), CAP.toMillis());
        return Duration.ofMillis(ms);
    }
}
