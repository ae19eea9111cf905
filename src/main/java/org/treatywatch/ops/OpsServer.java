package org.treatywatch.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON, 200 when every check
 * passes, 503 otherwise) on one port.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final Map<String, BooleanSupplier> checks;

    /** A new registry for one service instance: its poller and sender count into it, /metrics shows it. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * checks: name → is it up (database, scheduler, telegram); queueLength feeds the queue gauge;
     * registry: the service instance's own (never the global one, so instances and tests stay apart).
     */
    public OpsServer(int port, Map<String, BooleanSupplier> checks, Supplier<Number> queueLength, PrometheusMeterRegistry registry)
            throws IOException {
        this.checks = new LinkedHashMap<>(checks);
        this.registry = registry;
        Gauge.builder("treatywatch_outbox_queue", () -> queueLength.get().doubleValue())
                .description("alerts waiting to be sent").register(registry);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4", registry.scrape()));
        server.createContext("/health", this::health);
        server.start();
        log.info("metrics on :{}/metrics, health on :{}/health", port(), port());
    }

    /**
     * Serves another read-only document (the stories' Atom feeds) on this port; body gets the
     * document's own URL as the client addressed it (the Host header), for its self link.
     */
    public void serve(String path, String contentType, java.util.function.Function<String, String> body) {
        server.createContext(path, ex -> {
            if (!path.equals(ex.getRequestURI().getPath())) {
                reply(ex, 404, "text/plain", "not found");
                return;
            }
            String host = ex.getRequestHeaders().getFirst("Host");
            String self = "http://" + (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}") ? "localhost:" + port() : host) + path;
            try {
                reply(ex, 200, contentType, body.apply(self));
            } catch (RuntimeException e) {
                log.warn("{}: {}", path, e.getMessage());
                reply(ex, 503, "text/plain", "unavailable");
            }
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange ex) throws IOException {
        StringBuilder json = new StringBuilder("{");
        boolean up = true;
        for (var c : checks.entrySet()) {
            boolean ok;
            try {
                ok = c.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            up &= ok;
            json.append('"').append(c.getKey()).append("\":\"").append(ok ? "UP" : "DOWN").append("\",");
        }
        json.append("\"status\":\"").append(up ? "UP" : "DOWN").append("\"}");
        reply(ex, up ? 200 : 503, "application/json", json.toString());
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
