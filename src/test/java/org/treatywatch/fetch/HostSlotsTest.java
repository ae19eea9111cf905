package org.treatywatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostSlotsTest {
    @Test
    void aHostGetsTwoSlotsAndOtherHostsAreNotHeldUp() throws Exception {
        HostSlots slots = new HostSlots();
        HostSlots.Slot a1 = slots.acquire("news.example", Duration.ZERO);
        HostSlots.Slot a2 = slots.acquire("NEWS.example", Duration.ZERO);
        assertThatThrownBy(() -> slots.acquire("news.example", Duration.ofMillis(1)))
                .isInstanceOf(FetchException.class).hasMessageContaining("news.example");
        String other = otherStripeThan(slots, "news.example");
        slots.acquire(other, Duration.ZERO).close();
        a1.close();
        slots.acquire("news.example", Duration.ZERO).close();
        a2.close();
    }

    // Any host that does not share news.example's stripe.
    private static String otherStripeThan(HostSlots slots, String host) throws FetchException {
        for (int i = 0; ; i++) {
            String h = "h" + i + ".example";
            try {
                slots.acquire(h, Duration.ZERO).close();
                return h;
            } catch (FetchException busy) {
                // same stripe: try the next name
            }
        }
    }

    @Test
    void manyFetchesToOneHostKeepAtMostTwoRequestsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger(), most = new AtomicInteger(), served = new AtomicInteger();
        CountDownLatch twoArrived = new CountDownLatch(1);
        try (TestHttpServer server = new TestHttpServer()) {
            server.handle("/feed", ex -> {
                int now = inFlight.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                if (now >= 2) twoArrived.countDown();
                try {
                    twoArrived.await(5, TimeUnit.SECONDS); // hold the first ones until a second is in flight
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                served.incrementAndGet();
                byte[] body = "ok".getBytes();
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            });
            HttpFetcher fetcher = new HttpFetcher(new UrlGuard(true));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<FetchResult>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) results.add(pool.submit(() -> fetcher.fetch(server.url("/feed"), null, null, false)));
                for (Future<FetchResult> f : results) assertThat(new String(f.get(20, TimeUnit.SECONDS).body())).isEqualTo("ok");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(served).hasValue(8);
        assertThat(most.get()).as("requests to one host at once").isEqualTo(2);
    }
}
