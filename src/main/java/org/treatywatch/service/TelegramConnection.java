package org.treatywatch.service;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The TelegramBots client and its HTTP plumbing, pointed at TELEGRAM_API_URL. Threads are daemons
 * and are shut down explicitly, since TelegramBots' close() leaves its polling thread running.
 */
final class TelegramConnection implements AutoCloseable {
    final OkHttpClient http;
    /** Long polling's own client, so that stopping cuts its getUpdates and nothing else. */
    final LongPollHttp updatesHttp;
    final TelegramUrl url;
    final TelegramClient client;
    final ScheduledExecutorService pollingExecutor;
    private final String token;

    TelegramConnection(String token, String apiUrl) {
        this.token = token;
        this.url = parse(apiUrl);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.client = new OkHttpTelegramClient(http, token, url);
        this.updatesHttp = new LongPollHttp(http);
        this.pollingExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads a file a user sent (its getFile path), at most max bytes (more is an error), from the
     * configured Bot API: TelegramBots' own download always goes to api.telegram.org. Errors never
     * carry the URL, which holds the token.
     */
    byte[] download(String filePath, long max) throws java.io.IOException {
        okhttp3.HttpUrl u = new okhttp3.HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("file").addPathSegment("bot" + token).addPathSegments(filePath).build();
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(u).build()).execute()) {
            if (!r.isSuccessful() || r.body() == null) throw new java.io.IOException("file download answered HTTP " + r.code());
            byte[] bytes = r.body().byteStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) throw new java.io.IOException("file larger than " + max + " bytes");
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.IOException(org.treatywatch.config.Secrets.mask(String.valueOf(e.getMessage())).replace(token, "<token>"));
        }
    }

    /** scheme://host[:port]; TelegramBots takes no path prefix. */
    static TelegramUrl parse(String apiUrl) {
        URI u;
        try {
            u = URI.create(apiUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL \"" + apiUrl + "\" is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL \"" + apiUrl + "\" must look like https://api.telegram.org or http://127.0.0.1:8081");
        }
        if (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL \"" + apiUrl + "\" must not have a path; requests go to <url>/bot<token>/<method>");
        }
        int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, u.getHost(), port, false);
    }

    /** The bot's user id, which is the part of a bot token before the colon. */
    static java.util.Optional<Long> botIdOf(String token) {
        if (token == null) return java.util.Optional.empty();
        int colon = token.indexOf(':');
        try {
            return colon > 0 ? java.util.Optional.of(Long.parseLong(token.substring(0, colon))) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        updatesHttp.endLongPoll();
        pollingExecutor.shutdownNow();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
