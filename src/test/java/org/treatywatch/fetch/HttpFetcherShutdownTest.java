package org.treatywatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Shutdown does not wait for a body still downloading: a server that drips a page one byte every
 * 100 ms (a minute in all) is cut off at once, and no new fetch starts afterwards.
 */
class HttpFetcherShutdownTest {
    @Test
    void closeCutsOffABodyStillDownloading() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (TestHttpServer server = new TestHttpServer()) {
            SlowBody.serve(server, "/drip", 600, sent); // 60 s of body, past the shipped 30 s timeout
            HttpFetcher fetcher = new HttpFetcher(new UrlGuard(true));
            CompletableFuture<Object> fetch = readingTheBody(fetcher, server, sent);
            long started = System.nanoTime();
            fetcher.close();
            Object result = fetch.get(30, TimeUnit.SECONDS);
            Duration stop = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).isInstanceOf(FetchException.class);
            assertThat(stop).as("stop took %s", stop).isLessThan(Duration.ofSeconds(10));
            assertThat(sent.get()).isLessThan(600);
            assertThatThrownBy(() -> fetcher.fetch(server.url("/drip"), null, null, false)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("shutting down");
        }
    }

    @Test
    void cancelAllCutsOffBodiesAndTheFetcherGoesOn() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (TestHttpServer server = new TestHttpServer()) {
            SlowBody.serve(server, "/drip", 600, sent);
            server.serve("/ok", "text/plain", "fine");
            HttpFetcher fetcher = new HttpFetcher(new UrlGuard(true));
            CompletableFuture<Object> fetch = readingTheBody(fetcher, server, sent);
            long started = System.nanoTime();
            fetcher.cancelAll();
            assertThat(fetch.get(30, TimeUnit.SECONDS)).isInstanceOf(FetchException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(new String(fetcher.fetch(server.url("/ok"), null, null, false).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("fine");
        }
    }

    /** A fetch of /drip started elsewhere, returned once the headers are long received and the body is being read. */
    private static CompletableFuture<Object> readingTheBody(HttpFetcher fetcher, TestHttpServer server, AtomicInteger sent) {
        CompletableFuture<Object> fetch = CompletableFuture.supplyAsync(() -> {
            try {
                return fetcher.fetch(server.url("/drip"), null, null, false);
            } catch (FetchException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= 5);
        return fetch;
    }
}
