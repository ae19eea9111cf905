package org.treatywatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds on 127.0.0.1 that publish one item at a time, when a benchmark says so (a new ETag; 304
 * until then). Each item's page is /articles/SLUG.html, which an alert links to. Made for a number
 * of feeds, Hebrew and Arabic in turn, each starts with one old item off the topic, and
 * {@link #publish(int, int, Instant)} adds a new item about the treaty: every item a different event —
 * a deal signed in its own field, with its own figures, no person named — so each is its own story
 * and alert. Made for named outlets in any language, the feeds start empty and the benchmark
 * publishes the texts it wants ({@link #publish(int, Article)}).
 */
final class PublishingFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Wording HE = Wording.load("he"), AR = Wording.load("ar");

    /** A feed of the farm: the outlet's name (what an alert shows) and the language of its feeds.yaml entry. */
    record Outlet(String name, String language) {}

    /** An item to publish: its page is /articles/{@code slug}.html; the feed shows the first paragraph. */
    record Article(String slug, String title, List<String> paragraphs, Instant published) {}

    /** The farm's words in one language, from bench/publishing.<lang>.txt. */
    private record Wording(List<String> fields, String weather, String title, String lead) {
        static Wording load(String lang) {
            List<String> fields = new ArrayList<>();
            String weather = "", title = "", lead = "";
            for (List<String> r : BenchTexts.records("publishing." + lang)) {
                if (r.size() < 2) continue;
                switch (r.get(0)) {
                    case "F" -> fields.add(r.get(1));
                    case "W" -> weather = r.get(1);
                    case "T" -> title = r.get(1);
                    case "L" -> lead = r.get(1);
                    default -> { }
                }
            }
            return new Wording(List.copyOf(fields), weather, title, lead);
        }

        String fill(String template, String field, int n, long a, long b, long c) {
            return template.replace("{field}", field).replace("{n}", String.valueOf(n)).replace("{a}", String.valueOf(a))
                    .replace("{b}", String.valueOf(b)).replace("{c}", String.valueOf(c));
        }
    }

    private final List<Outlet> outlets;
    private final List<List<Article>> items = new ArrayList<>();
    private final Map<String, Article> bySlug = new HashMap<>();
    private final HttpServer server;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong feedRequests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "publishing-farm");
        t.setDaemon(true);
        return t;
    });

    /** {@code feeds} feeds, Hebrew and Arabic in turn, each with one old item off the topic. */
    PublishingFarm(int feeds) throws IOException {
        this(alternating(feeds));
        for (int f = 0; f < feeds; f++) {
            Wording w = language(f).equals("he") ? HE : AR;
            publish(f, new Article("old-" + f, w.weather(), List.of(""), Instant.parse("2026-01-01T08:00:00Z")));
        }
    }

    /** One feed per outlet, empty until something is published. */
    PublishingFarm(List<Outlet> outlets) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see FeedFarm
        this.outlets = List.copyOf(outlets);
        for (int f = 0; f < outlets.size(); f++) items.add(new ArrayList<>());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    private static List<Outlet> alternating(int feeds) {
        List<Outlet> out = new ArrayList<>();
        for (int f = 0; f < feeds; f++) out.add(new Outlet("pub " + f, f % 2 == 0 ? "he" : "ar"));
        return out;
    }

    String language(int feed) {
        return outlets.get(feed).language();
    }

    String feedsYaml(String interval) {
        StringBuilder sb = new StringBuilder("feeds:\n");
        for (int f = 0; f < outlets.size(); f++) {
            sb.append("  - id: pub-").append(f).append("\n    name: ").append(outlets.get(f).name()).append("\n    url: http://127.0.0.1:")
                    .append(server.getAddress().getPort()).append("/feeds/").append(f).append(".xml\n    language: ").append(language(f))
                    .append("\n    interval: ").append(interval).append('\n');
        }
        return sb.toString();
    }

    /** Publishes item {@code number} about the treaty in {@code feed} now. */
    void publish(int feed, int number, Instant now) {
        publish(feed, compose(feed, number, now));
    }

    private Article compose(int feed, int number, Instant at) {
        Wording w = language(feed).equals("he") ? HE : AR;
        String field = w.fields().get(number % w.fields().size());
        long a = 1000 + (number * 7919L) % 90000, b = 10 + (number * 104729L) % 900, c = 2 + number % 40;
        return new Article(String.valueOf(number), w.fill(w.title(), field, number, a, b, c), List.of(w.fill(w.lead(), field, number, a, b, c)), at);
    }

    /** An item's page as the farm serves it: its address, the title its feed gives it, and its HTML. */
    record Page(String url, String title, String html) {}

    /** The page item {@code number} of {@code feed} has (or would have) once published: the same words as the served one. */
    Page page(int feed, int number) {
        Article item = compose(feed, number, Instant.EPOCH);
        return new Page("http://127.0.0.1:" + server.getAddress().getPort() + "/articles/" + item.slug() + ".html", item.title(), page(item));
    }

    /** CPU time the farm's own threads spent answering, so an in-process benchmark can leave it out. */
    long cpuNanos() {
        return cpuNanos.get();
    }

    /** Feed requests answered so far, and those answered 304 (Not Modified). */
    long feedRequests() {
        return feedRequests.get();
    }

    long notModified() {
        return notModified.get();
    }

    /** Publishes {@code article} in {@code feed}: at the top of the feed, its page served from now on. */
    synchronized void publish(int feed, Article article) {
        items.get(feed).add(0, article);
        bySlug.put(article.slug(), article);
    }

    private void handle(HttpExchange ex) throws IOException {
        long t0 = THREADS.getCurrentThreadCpuTime();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.startsWith("/feeds/") && parts.length == 3) {
                feedRequests.incrementAndGet();
                int feed = Integer.parseInt(parts[2].replace(".xml", ""));
                byte[] body;
                String etag;
                synchronized (this) {
                    List<Article> list = items.get(feed);
                    etag = "\"v" + list.size() + "\"";
                    // a 304 is what a scale run asks for thousands of times: no body rendered for it
                    body = etag.equals(ex.getRequestHeaders().getFirst("If-None-Match")) ? null : rss(feed, list).getBytes(StandardCharsets.UTF_8);
                }
                ex.getResponseHeaders().set("ETag", etag);
                if (body == null) {
                    notModified.incrementAndGet();
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                send(ex, "application/rss+xml; charset=utf-8", body);
            } else if (path.startsWith("/articles/") && parts.length == 3) {
                Article item;
                synchronized (this) {
                    item = bySlug.get(parts[2].replace(".html", ""));
                }
                if (item == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                send(ex, "text/html; charset=utf-8", page(item).getBytes(StandardCharsets.UTF_8));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(400, -1);
        } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t0);
        }
    }

    private String rss(int feed, List<Article> list) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(FeedFarm.escape(outlets.get(feed).name())).append("</title><link>http://127.0.0.1/</link><description>benchmark feed</description><language>")
                .append(language(feed)).append("</language>\n");
        for (Article i : list.subList(0, Math.min(list.size(), 30))) {
            sb.append("<item><title>").append(FeedFarm.escape(i.title())).append("</title><link>http://127.0.0.1:").append(server.getAddress().getPort())
                    .append("/articles/").append(i.slug()).append(".html</link><guid isPermaLink=\"false\">pub-").append(i.slug())
                    .append("</guid><pubDate>").append(RFC_822.format(i.published())).append("</pubDate><description>")
                    .append(FeedFarm.escape(i.paragraphs().get(0))).append("</description></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    private static String page(Article item) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(FeedFarm.escape(item.title()))
                .append("</title></head><body><article><h1>").append(FeedFarm.escape(item.title())).append("</h1>");
        for (String p : item.paragraphs()) sb.append("<p>").append(FeedFarm.escape(p)).append("</p>");
        return sb.append("</article></body></html>").toString();
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
