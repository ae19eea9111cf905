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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds on 127.0.0.1 that publish one item at a time, when a benchmark says so: each feed starts
 * with one old item off the topic, and {@link #publish} adds a new item about the treaty to one
 * feed (a new ETag; 304 until then). Every item is a different event — a deal signed in its own
 * field, with its own figures, no person named — so each is its own story and alert. Its page
 * is /articles/N.html, which the alert links to.
 */
final class PublishingFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Wording HE = Wording.load("he"), AR = Wording.load("ar");

    /** The farm's words in one language, from bench/publishing.<lang>.txt. */
    private record Wording(List<String> fields, String weather, String title, String lead) {
        static Wording load(String lang) {
            List<String> fields = new ArrayList<>();
            String weather = "", title = "", lead = "";
            try (java.io.InputStream in = PublishingFarm.class.getResourceAsStream("/bench/publishing." + lang + ".txt")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String[] kv = line.split("\t", 2);
                    if (kv.length < 2) continue;
                    switch (kv[0]) {
                        case "F" -> fields.add(kv[1].strip());
                        case "W" -> weather = kv[1].strip();
                        case "T" -> title = kv[1].strip();
                        case "L" -> lead = kv[1].strip();
                        default -> { }
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("bench/publishing." + lang + ".txt is missing from the build", e);
            }
            return new Wording(List.copyOf(fields), weather, title, lead);
        }

        String fill(String template, String field, int n, long a, long b, long c) {
            return template.replace("{field}", field).replace("{n}", String.valueOf(n)).replace("{a}", String.valueOf(a))
                    .replace("{b}", String.valueOf(b)).replace("{c}", String.valueOf(c));
        }
    }

    private record Item(int number, String title, String lead, Instant published) {}

    private final int feeds;
    private final List<List<Item>> items = new ArrayList<>();
    private final List<Item> byNumber = new ArrayList<>();
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

    PublishingFarm(int feeds) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see FeedFarm
        this.feeds = feeds;
        for (int f = 0; f < feeds; f++) {
            Item old = new Item(-1 - f, (language(f).equals("he") ? HE : AR).weather(), "", Instant.parse("2026-01-01T08:00:00Z"));
            items.add(new ArrayList<>(List.of(old)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    static String language(int feed) {
        return feed % 2 == 0 ? "he" : "ar";
    }

    String feedsYaml(String interval) {
        StringBuilder sb = new StringBuilder("feeds:\n");
        for (int f = 0; f < feeds; f++) {
            sb.append("  - id: pub-").append(f).append("\n    name: pub ").append(f).append("\n    url: http://127.0.0.1:").append(server.getAddress().getPort())
                    .append("/feeds/").append(f).append(".xml\n    language: ").append(language(f)).append("\n    interval: ").append(interval).append('\n');
        }
        return sb.toString();
    }

    /** Publishes item {@code number} in {@code feed} now. */
    synchronized void publish(int feed, int number, Instant now) {
        Item item = compose(feed, number, now);
        items.get(feed).add(0, item);
        while (byNumber.size() <= number) byNumber.add(null);
        byNumber.set(number, item);
    }

    private static Item compose(int feed, int number, Instant at) {
        Wording w = language(feed).equals("he") ? HE : AR;
        String field = w.fields().get(number % w.fields().size());
        long a = 1000 + (number * 7919L) % 90000, b = 10 + (number * 104729L) % 900, c = 2 + number % 40;
        return new Item(number, w.fill(w.title(), field, number, a, b, c), w.fill(w.lead(), field, number, a, b, c), at);
    }

    /** An item's page as the farm serves it: its address, the title its feed gives it, and its HTML. */
    record Page(String url, String title, String html) {}

    /** The page item {@code number} of {@code feed} has (or would have) once published: the same words as the served one. */
    Page page(int feed, int number) {
        Item item = compose(feed, number, Instant.EPOCH);
        return new Page(articleUrl(number), item.title(), html(item));
    }

    private String articleUrl(int number) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/articles/" + number + ".html";
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
                    List<Item> list = items.get(feed);
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
                int number = Integer.parseInt(parts[2].replace(".html", ""));
                Item item;
                synchronized (this) {
                    item = number < byNumber.size() ? byNumber.get(number) : null;
                }
                if (item == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                send(ex, "text/html; charset=utf-8", html(item).getBytes(StandardCharsets.UTF_8));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(400, -1);
        } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t0);
        }
    }

    private static String html(Item item) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + item.title() + "</title></head><body><article><h1>"
                + item.title() + "</h1><p>" + item.lead() + "</p></article></body></html>";
    }

    private String rss(int feed, List<Item> list) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>pub ").append(feed)
                .append("</title><link>http://127.0.0.1/</link><description>benchmark feed</description><language>").append(language(feed))
                .append("</language>\n");
        for (Item i : list.subList(0, Math.min(list.size(), 30))) {
            sb.append("<item><title>").append(i.title()).append("</title><link>http://127.0.0.1:").append(server.getAddress().getPort())
                    .append("/articles/").append(i.number() < 0 ? "old-" + feed : i.number()).append(".html</link><guid isPermaLink=\"false\">pub-")
                    .append(i.number()).append("</guid><pubDate>").append(RFC_822.format(i.published())).append("</pubDate><description>")
                    .append(i.lead()).append("</description></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
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
