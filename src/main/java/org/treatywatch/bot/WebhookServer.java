package org.treatywatch.bot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: Telegram posts updates to TREATYWATCH_WEBHOOK_URL, which every instance behind a
 * load balancer can serve. Requests without Telegram's secret-token header are refused. The secret
 * is derived from the bot token, so all instances agree on it without sharing another secret.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final HttpServer server;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-updates");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final String secret;
    private final LongPollingSingleThreadUpdateConsumer bot;

    public WebhookServer(String publicUrl, int port, String token, TelegramClient telegram, LongPollingSingleThreadUpdateConsumer bot)
            throws Exception {
        this.secret = secretFor(token);
        this.bot = bot;
        String path = URI.create(publicUrl).getPath();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "webhook-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(path == null || path.isEmpty() ? "/" : path, this::handle);
        server.start();
        telegram.execute(SetWebhook.builder().url(publicUrl).secretToken(secret).build());
        log.info("taking Telegram updates by webhook at {} (listening on :{})", publicUrl, server.getAddress().getPort());
    }

    /** A secret Telegram accepts (A–Z, a–z, 0–9, _ and -), the same on every instance, revealing nothing of the token. */
    public static String secretFor(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("treatywatch-webhook:" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod()) || !secret.equals(ex.getRequestHeaders().getFirst(SECRET_HEADER))) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Update update;
            try {
                update = json.readValue(ex.getRequestBody(), Update.class);
            } catch (IOException e) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            worker.execute(() -> bot.consume(update)); // one at a time, in arrival order
            ex.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        // the update being handled finishes (an interrupt in the middle of an H2 write would close the file)
        worker.shutdown();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
