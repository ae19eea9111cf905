package org.treatywatch.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A page served one byte every 100 ms, for shutdown tests: a body that is still downloading. */
public final class SlowBody {
    private SlowBody() {}

    /** Serves a body of {@code bytes} bytes at {@code path}, counting in {@code sent} what has gone out. */
    public static void serve(TestHttpServer server, String path, int bytes, AtomicInteger sent) {
        server.handle(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, bytes);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < bytes; i++) {
                    out.write('x');
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client hung up: what a shutdown does
            }
        });
    }
}
