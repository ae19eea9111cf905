package org.treatywatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.treatywatch.store.FeedRow;

/**
 * Polls many feeds at once on a bounded pool (`poll --once`, benchmarks). Waiting on the network
 * is most of a remote feed's poll, so several run side by side; the fetcher keeps it polite to
 * each host. Reports come back in the order of the feeds.
 */
public final class PollRound {
    /** Polls in flight at once: enough to hide network latency, few enough to bound memory. */
    public static final int DEFAULT_PARALLELISM = 16;

    private PollRound() {}

    public static List<PollReport> pollAll(FeedPoller poller, List<FeedRow> feeds, boolean dryRun, int parallelism) {
        if (feeds.isEmpty()) return List.of();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, feeds.size())), r -> {
            Thread t = new Thread(r, "poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PollReport>> futures = new ArrayList<>(feeds.size());
            for (FeedRow f : feeds) futures.add(pool.submit(() -> poller.poll(f, dryRun)));
            List<PollReport> reports = new ArrayList<>(feeds.size());
            for (int i = 0; i < feeds.size(); i++) {
                try {
                    reports.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    reports.add(PollReport.failed(feeds.get(i).id(), String.valueOf(e.getCause())));
                }
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("poll interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
