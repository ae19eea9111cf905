package org.treatywatch.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one HTTP client for feeds and pages: connect and total timeouts, at most five redirects
 * (each checked by the {@link UrlGuard}), gzip and deflate, a size cap that stops reading instead
 * of buffering a huge body, conditional GET, and a User-Agent that names the bot.
 */
public final class HttpFetcher {
    public static final int MAX_REDIRECTS = 5;
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    public static final String USER_AGENT = "treatywatch/" + Version.get() + " (+https://github.com/treatywatch/treatywatch)";

    private final OkHttpClient client;
    private final UrlGuard guard;
    private final long maxBytes;
    private final Duration totalTimeout;
    private final HostSlots slots = new HostSlots();
    private final java.util.Set<Call> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public HttpFetcher(UrlGuard guard) {
        this(guard, Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_BYTES);
    }

    /**
     * Cancels every fetch in flight, bodies still downloading included (their callers get an error at
     * once): shutdown does not wait out timeouts. The fetcher goes on taking new fetches.
     */
    public void cancelAll() {
        // OkHttp's dispatcher forgets a call once its headers are in: a body dripping in is only
        // reachable through the call itself.
        for (Call call : inFlight) call.cancel();
        client.dispatcher().cancelAll();
    }

    /** Shutdown: cancels every fetch in flight and refuses new ones (a poll waiting for a host slot ends too). */
    public void close() {
        closed = true;
        cancelAll();
    }

    public HttpFetcher(UrlGuard guard, Duration connectTimeout, Duration totalTimeout, long maxBytes) {
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.totalTimeout = totalTimeout;
        this.client = new OkHttpClient.Builder()
                .dns(guard)
                .connectTimeout(connectTimeout)
                .readTimeout(totalTimeout)
                .callTimeout(totalTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                // Servers close idle keep-alive connections (often after 30-75 s, less than a poll
                // interval): a GET on such a pooled connection is retried once on a fresh one.
                .retryOnConnectionFailure(true)
                .build();
    }

    /** Fetches a URL, sending the validators from the last fetch (either may be null). */
    public FetchResult fetch(String url, String etag, String lastModified, boolean allowFile) throws FetchException {
        URI uri = guard.check(url, allowFile);
        if ("file".equalsIgnoreCase(uri.getScheme())) return readFile(uri);
        String current = uri.toString();
        boolean permanent = true;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Request.Builder rb = new Request.Builder().url(current)
                    .header("User-Agent", USER_AGENT)
                    .header("Accept-Encoding", "gzip, deflate")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.8");
            if (hop == 0 && etag != null) rb.header("If-None-Match", etag);
            if (hop == 0 && lastModified != null) rb.header("If-Modified-Since", lastModified);
            Request request = rb.build();
            Call call = client.newCall(request);
            inFlight.add(call);
            try (HostSlots.Slot slot = slots.acquire(request.url().host(), totalTimeout);
                 Response r = execute(call)) {
                int code = r.code();
                if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
                    String location = r.header("Location");
                    if (location == null) throw new FetchException("HTTP " + code + " redirect without a Location", code, null, null);
                    permanent &= code == 301 || code == 308;
                    String next = r.request().url().resolve(location) == null ? null : r.request().url().resolve(location).toString();
                    if (next == null) throw new FetchException("redirect to an invalid URL: " + location, code, null, null);
                    guard.check(next, false);
                    current = next;
                    continue;
                }
                if (code == 304) return new FetchResult(304, new byte[0], null, etag, lastModified, current, hop > 0 && permanent);
                if (code < 200 || code >= 300) {
                    Duration retry = (code == 429 || code == 503) ? retryAfter(r.header("Retry-After")) : null;
                    throw new FetchException("HTTP " + code + " from " + current, code, retry, null);
                }
                byte[] body = readCapped(r);
                return new FetchResult(code, body, r.header("Content-Type"), r.header("ETag"), r.header("Last-Modified"),
                        current, hop > 0 && permanent);
            } catch (InterruptedIOException e) {
                throw new FetchException(closed ? "fetch of " + current + " stopped: shutting down" : "timed out fetching " + current, e);
            } catch (IOException e) {
                if (closed) throw new FetchException("fetch of " + current + " stopped: shutting down", e);
                throw new FetchException("cannot fetch " + current + ": " + e.getMessage(), e);
            } finally {
                inFlight.remove(call);
            }
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects starting at " + url);
    }

    // Checked after the call is registered, so a close() racing with a new fetch cancels it either way.
    private Response execute(Call call) throws IOException, FetchException {
        if (closed) throw new FetchException("not fetching " + call.request().url() + ": shutting down");
        return call.execute();
    }

    private byte[] readCapped(Response r) throws IOException, FetchException {
        ResponseBody body = r.body();
        if (body == null) return new byte[0];
        long declared = body.contentLength();
        String encoding = r.header("Content-Encoding", "").toLowerCase(Locale.ROOT).strip();
        if (declared > maxBytes && encoding.isEmpty()) throw tooLarge();
        try (InputStream raw = body.byteStream(); InputStream in = decoded(raw, encoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) throw tooLarge();
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw new FetchException("invalid " + encoding + " body from " + r.request().url() + ": " + e.getMessage(), e);
        }
    }

    private FetchException tooLarge() {
        return new FetchException("response is larger than " + (maxBytes / 1024) + " KB; cut off");
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException, FetchException {
        return switch (encoding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> deflate(raw);
            default -> throw new FetchException("unsupported Content-Encoding: " + encoding);
        };
    }

    // "deflate" is zlib-wrapped by the standard, raw by some servers: peek at the header to tell.
    private static InputStream deflate(InputStream raw) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(raw, 2);
        int b0 = in.read(), b1 = in.read();
        if (b1 >= 0) in.unread(b1);
        if (b0 >= 0) in.unread(b0);
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib));
    }

    private FetchResult readFile(URI uri) throws FetchException {
        try {
            Path p = Path.of(uri);
            if (Files.size(p) > maxBytes) throw tooLarge();
            return new FetchResult(200, Files.readAllBytes(p), null, null, null, uri.toString(), false);
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Retry-After as seconds or an HTTP date; absent or unreadable gives null. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
