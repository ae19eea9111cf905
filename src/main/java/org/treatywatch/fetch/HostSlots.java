package org.treatywatch.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness: at most {@link #PER_HOST} requests to one host at a time, however many polls run.
 * Hosts share a fixed set of stripes, so memory stays bounded whatever hosts feeds link to; two
 * hosts on one stripe only share its slots.
 */
final class HostSlots {
    static final int PER_HOST = 2;
    private static final int STRIPES = 256;

    private final Semaphore[] stripes = new Semaphore[STRIPES];

    HostSlots() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Semaphore(PER_HOST, true);
    }

    /** A slot for the host, waiting at most {@code wait}; close it to give it back. */
    Slot acquire(String host, Duration wait) throws FetchException {
        Semaphore s = stripes[Math.floorMod(host.toLowerCase(Locale.ROOT).hashCode(), STRIPES)];
        try {
            if (!s.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("timed out waiting for a connection to " + host);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted waiting for a connection to " + host, e);
        }
        return s::release;
    }

    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
