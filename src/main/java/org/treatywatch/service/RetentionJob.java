package org.treatywatch.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.store.Retention;

/** Runs {@link Retention} a minute after start and then every few hours, on its own daemon thread. */
final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final Duration PERIOD = Duration.ofHours(6);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
    });

    RetentionJob(Retention retention, Duration keep, Clock clock) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                Retention.Deleted d = retention.deleteOlderThan(keep, clock.instant());
                if (d.alerts() + d.items() > 0) log.info("retention: deleted {} finished alerts and {} irrelevant items older than {}", d.alerts(), d.items(), keep);
            } catch (RuntimeException e) {
                log.warn("retention run failed: {}", e.getMessage());
            }
        }, 60, PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // a run in progress finishes (an interrupt in the middle of an H2 write would close the file)
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
