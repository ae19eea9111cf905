package org.treatywatch.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format), {@code GET /health} (JSON, 200 when every check
 * passes, 503 otherwise) and the documents {@link #serve}d beside them, on one port: GET and HEAD
 * only (405 otherwise), exact paths only (404 otherwise), on loopback unless told another address.
 * A client has {@link #NETWORK_DEADLINE} to send its request and again to take the answer, so slow
 * or stalled clients cannot hold the threads that answer the others.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final Duration NETWORK_DEADLINE = Duration.ofSeconds(5);
    private static final int THREADS = 16;
    private static final int WAITING = 64;
    private static final String ALLOW = "GET, HEAD";

    /** What a path answers. */
    private record Answer(int status, String type, String body) {}

    private final HttpServer server;
    private final DeadlineExecutor executor;
    private final Map<String, Supplier<Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, BooleanSupplier> checks;

    /** A new registry for one service instance: its poller and sender count into it, /metrics shows it. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** On loopback; see {@link #OpsServer(String, int, Map, Supplier, PrometheusMeterRegistry)}. */
    public OpsServer(int port, Map<String, BooleanSupplier> checks, Supplier<Number> queueLength, PrometheusMeterRegistry registry)
            throws IOException {
        this(null, port, checks, queueLength, registry);
    }

    /**
     * bind: the address (or host name) to listen on, null for loopback; checks: name → is it up (database, scheduler,
     * telegram); queueLength feeds the queue gauge; registry: the service instance's own (never the
     * global one, so instances and tests stay apart).
     */
    public OpsServer(String bind, int port, Map<String, BooleanSupplier> checks, Supplier<Number> queueLength,
                     PrometheusMeterRegistry registry) throws IOException {
        this(bind, port, checks, queueLength, registry, NETWORK_DEADLINE);
    }

    OpsServer(String bind, int port, Map<String, BooleanSupplier> checks, Supplier<Number> queueLength,
              PrometheusMeterRegistry registry, Duration networkDeadline) throws IOException {
        this.checks = new LinkedHashMap<>(checks);
        Gauge.builder("treatywatch_outbox_queue", () -> queueLength.get().doubleValue())
                .description("alerts waiting to be sent").register(registry);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(address(bind), port), 0);
        executor = new DeadlineExecutor(THREADS, WAITING, networkDeadline);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        routes.put("/metrics", () -> new Answer(200, "text/plain; version=0.0.4", registry.scrape()));
        routes.put("/health", this::health);
        server.start();
        log.info("ops server on {}: /metrics, /health", server.getAddress());
    }

    private static InetAddress address(String bind) throws UnknownHostException {
        try {
            return bind == null || bind.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind.strip());
        } catch (UnknownHostException e) {
            throw new UnknownHostException("TREATYWATCH_METRICS_BIND: cannot listen on \"" + bind + "\": no such address or host");
        }
    }

    /**
     * Serves another read-only document (the stories' Atom feeds) at exactly this path. body gets the
     * document's own name as a relative link (e.g. {@code stories.he.atom}), for its self link: it
     * resolves against whatever address the reader used, behind a proxy too, and the request's Host
     * header, which anyone can set, never reaches the document.
     */
    public void serve(String path, String contentType, Function<String, String> body) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/': " + path);
        String self = path.substring(path.lastIndexOf('/') + 1);
        routes.put(path, () -> new Answer(200, contentType, body.apply(self)));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port actually listened on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            Supplier<Answer> route = routes.get(ex.getRequestURI().getRawPath());
            if (route == null) {
                send(ex, new Answer(404, "text/plain", "not found"), false);
                return;
            }
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", ALLOW);
                send(ex, new Answer(405, "text/plain", "method not allowed; " + ALLOW + " only"), false);
                return;
            }
            if (!DeadlineExecutor.working()) return; // the request came in too slowly: its connection is closed
            Answer answer;
            try {
                answer = route.get();
            } catch (RuntimeException e) {
                log.warn("{}: {}", ex.getRequestURI().getRawPath(), e.getMessage());
                answer = new Answer(503, "text/plain", "unavailable");
            } finally {
                DeadlineExecutor.answering();
            }
            send(ex, answer, head);
        }
    }

    private Answer health() {
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
        return new Answer(up ? 200 : 503, "application/json", json.toString());
    }

    private static void send(HttpExchange ex, Answer a, boolean head) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.type());
        if (head) {
            ex.sendResponseHeaders(a.status(), -1); // the same status and type, no body
            return;
        }
        ex.sendResponseHeaders(a.status(), bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
