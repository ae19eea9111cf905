package org.treatywatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A farm of RSS feeds on loopback for benchmarks: N feeds of M items, Hebrew and Arabic in turn,
 * every 7th item about the treaty, each item linking to a small article page. Feeds carry an ETag
 * and answer 304 to it; {@link #advance()} publishes a fresh set of items in every feed. The feeds
 * can be spread over H hosts, 127.0.0.1 … 127.0.0.H (feed f on host 1 + f mod H), as real outlets
 * are, so a reader's per-host connection limits act as they would on the web; each host has its own
 * listening socket, never one on the wildcard address. The CPU its own threads spend is counted, so
 * an in-process benchmark can leave it out.
 */
public final class FeedFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final ZonedDateTime EPOCH = ZonedDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    /** 127.0.0.0/8 is loopback; .255 is left alone as a broadcast-looking address. */
    public static final int MAX_HOSTS = 254;
    private static final int BIND_ATTEMPTS = 20;

    private final int feeds;
    private final int items;
    private final int hosts;
    private final Lines he = Lines.load("he");
    private final Lines ar = Lines.load("ar");
    private final List<HttpServer> servers;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "feed-farm");
        t.setDaemon(true);
        return t;
    });
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile byte[][] bodies;

    /** All feeds on 127.0.0.1. */
    public FeedFarm(int feeds, int items, int port) throws IOException {
        this(feeds, items, port, 1);
    }

    /** Feeds spread over 127.0.0.1 … 127.0.0.{@code hosts}, all on one port (0: a free one). */
    public FeedFarm(int feeds, int items, int port, int hosts) throws IOException {
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("hosts must be 1 to " + MAX_HOSTS + " (127.0.0.1 … 127.0.0." + MAX_HOSTS + "), not " + hosts);
        }
        // The JDK server writes a response's headers and its body separately; with Nagle on, the body
        // waits for the client's delayed ACK of the headers: 40 ms per keep-alive request. Read once,
        // when the first HttpServer of the JVM is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.feeds = feeds;
        this.items = items;
        this.hosts = hosts;
        this.servers = bindAll(port);
        this.bodies = render(0); // links name the port, known once bound
        for (HttpServer server : servers) {
            server.setExecutor(workers);
            server.createContext("/", this::handle);
            server.start();
        }
    }

    /** One server per host address, all on the same port; with port 0, the port the first one got. */
    private List<HttpServer> bindAll(int port) throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            List<HttpServer> bound = new ArrayList<>();
            try {
                int p = port;
                for (int h = 1; h <= hosts; h++) {
                    HttpServer server = HttpServer.create(new InetSocketAddress(hostAddress(h), p), 256);
                    bound.add(server);
                    p = server.getAddress().getPort();
                }
                return bound;
            } catch (BindException e) {
                bound.forEach(s -> s.stop(0));
                if (port != 0) throw e; // the port the user asked for is taken on one of the hosts
                last = e; // the free port of 127.0.0.1 was taken on another host; try another
            }
        }
        throw last;
    }

    private static InetAddress hostAddress(int host) throws IOException {
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
        if (!address.isLoopbackAddress()) throw new IllegalStateException(address + " is not loopback");
        return address;
    }

    public int port() {
        return servers.get(0).getAddress().getPort();
    }

    /** How many distinct hosts the feeds are spread over. */
    public int hosts() {
        return hosts;
    }

    /** The host feed {@code feed} and its articles are served from, e.g. {@code 127.0.0.7:18080}. */
    String hostOf(int feed) {
        return "127.0.0." + (1 + feed % hosts) + ":" + port();
    }

    String feedUrl(int feed) {
        return "http://" + hostOf(feed) + "/feeds/" + feed + ".xml";
    }

    /** A feeds.yaml listing every feed of the farm. */
    public String feedsYaml(String interval) {
        StringBuilder sb = new StringBuilder("feeds:\n");
        for (int f = 0; f < feeds; f++) {
            sb.append("  - id: farm-").append(f).append("\n    name: farm ").append(f).append("\n    url: ").append(feedUrl(f))
                    .append("\n    language: ").append(language(f)).append("\n    interval: ").append(interval).append('\n');
        }
        return sb.toString();
    }

    /** newsboat's urls file for the same feeds. */
    public String urlList() {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < feeds; f++) sb.append(feedUrl(f)).append('\n');
        return sb.toString();
    }

    static String language(int feed) {
        return feed % 2 == 0 ? "he" : "ar";
    }

    /** Every feed gets a new set of items (and a new ETag). */
    public void advance() {
        bodies = render(generation.incrementAndGet());
    }

    long cpuNanos() {
        return cpuNanos.get();
    }

    long requests() {
        return requests.get();
    }

    /** Feed requests answered 304 (Not Modified) so far. */
    public long notModified() {
        return notModified.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        long t0 = threads.getCurrentThreadCpuTime();
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.startsWith("/feeds/") && parts.length == 3) {
                int feed = Integer.parseInt(parts[2].replace(".xml", ""));
                String etag = "\"g" + generation.get() + "-" + feed + "\"";
                ex.getResponseHeaders().set("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                send(ex, "application/rss+xml; charset=utf-8", bodies[feed]);
            } else if (path.startsWith("/articles/") && parts.length == 5) {
                int feed = Integer.parseInt(parts[3]);
                int item = Integer.parseInt(parts[4].replace(".html", ""));
                send(ex, "text/html; charset=utf-8", page(Integer.parseInt(parts[2]), feed, item).getBytes(StandardCharsets.UTF_8));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(400, -1);
        } finally {
            cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - t0);
        }
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[][] render(int gen) {
        byte[][] out = new byte[feeds][];
        for (int f = 0; f < feeds; f++) out[f] = rss(gen, f).getBytes(StandardCharsets.UTF_8);
        return out;
    }

    private String rss(int gen, int feed) {
        Lines l = feed % 2 == 0 ? he : ar;
        StringBuilder sb = new StringBuilder(items * 600);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>farm ").append(feed)
                .append("</title><link>http://127.0.0.1/</link><description>benchmark feed</description><language>")
                .append(language(feed)).append("</language>\n");
        for (int i = 0; i < items; i++) {
            boolean onTopic = i % 7 == 0;
            String link = "http://" + hostOf(feed) + "/articles/" + gen + "/" + feed + "/" + i + ".html";
            sb.append("<item><title>").append(escape(title(l, onTopic, feed, i))).append("</title><link>").append(link)
                    .append("</link><guid isPermaLink=\"false\">farm-").append(gen).append('-').append(feed).append('-').append(i)
                    .append("</guid><pubDate>").append(RFC_822.format(EPOCH.plusMinutes(gen * 1000L + i)))
                    .append("</pubDate><description>").append(escape("<p>" + sentence(l, onTopic, i) + "</p>"))
                    .append("</description></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    private String page(int gen, int feed, int item) {
        Lines l = feed % 2 == 0 ? he : ar;
        boolean onTopic = item % 7 == 0;
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language(feed)).append("\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title(l, onTopic, feed, item))).append("</title></head><body><nav><a href=\"/\">home</a></nav><article><h1>")
                .append(escape(title(l, onTopic, feed, item))).append("</h1>");
        for (int p = 0; p < 5; p++) sb.append("<p>").append(escape(sentence(l, onTopic, item + p))).append(' ')
                .append(escape(l.neutral.get((item + p) % l.neutral.size()))).append("</p>");
        return sb.append("</article><footer>farm ").append(gen).append("</footer></body></html>").toString();
    }

    private static String title(Lines l, boolean onTopic, int feed, int item) {
        List<String> pool = onTopic ? l.onTopic : l.offTopic;
        return pool.get((feed + item) % pool.size()) + " (" + feed + "-" + item + ")";
    }

    private static String sentence(Lines l, boolean onTopic, int i) {
        List<String> pool = onTopic ? l.body : l.neutral;
        return pool.get(i % pool.size());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        workers.shutdownNow();
    }

    /** The farm's sentences, from bench/farm.<lang>.txt. */
    private record Lines(List<String> onTopic, List<String> offTopic, List<String> body, List<String> neutral) {
        static Lines load(String lang) {
            Lines l = new Lines(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            try (InputStream in = FeedFarm.class.getResourceAsStream("/bench/farm." + lang + ".txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] kv = line.split("\t", 2);
                    if (kv.length < 2) continue;
                    switch (kv[0]) {
                        case "T" -> l.onTopic.add(kv[1].strip());
                        case "O" -> l.offTopic.add(kv[1].strip());
                        case "B" -> l.body.add(kv[1].strip());
                        case "N" -> l.neutral.add(kv[1].strip());
                        default -> { }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return l;
        }
    }
}
