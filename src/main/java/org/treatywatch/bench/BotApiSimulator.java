package org.treatywatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot API stand-in on 127.0.0.1 for benchmarks: answers getMe, sendMessage (keeping what was sent)
 * and editMessageText (keeping the new text), and getUpdates, and enforces Telegram's limits (30 messages in any second, 1 a second per chat, 20 a minute per group),
 * answering 429 with retry_after when a client goes faster. getUpdates is a quiet long poll: no
 * updates, after a short wait, so a running service's update loop neither fails nor spins.
 */
public final class BotApiSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LONG_POLL_MILLIS = 2000;

    private final HttpServer server;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final Map<Long, Long> lastPerChat = new HashMap<>();
    private final Map<Long, Deque<Long>> perGroup = new HashMap<>();
    public final AtomicInteger delivered = new AtomicInteger();
    public final AtomicInteger tooMany = new AtomicInteger();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> edited = new ArrayList<>();

    /** A message accepted: to whom, its text, and when it arrived ({@link System#nanoTime()}). */
    public record Sent(long chat, String text, long nanos) {}

    public BotApiSimulator() throws IOException {
        // The JDK server's delayed-ACK stall costs ~40 ms per small response without TCP_NODELAY.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "bot-api-simulator");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().toLowerCase();
            ObjectNode answer = JSON.createObjectNode();
            if (path.endsWith("/getme")) {
                answer.put("ok", true).putObject("result").put("id", 1).put("is_bot", true).put("first_name", "bench");
            } else if (path.endsWith("/getupdates")) {
                quietLongPoll();
                answer.put("ok", true).putArray("result");
            } else if (path.endsWith("/sendmessage")) {
                JsonNode req = JSON.readTree(ex.getRequestBody());
                long chat = req.path("chat_id").asLong();
                int wait = admit(chat, System.currentTimeMillis());
                if (wait > 0) {
                    tooMany.incrementAndGet();
                    answer.put("ok", false).put("error_code", 429).put("description", "Too Many Requests: retry after " + wait);
                    answer.putObject("parameters").put("retry_after", wait);
                    reply(ex, 429, answer);
                    return;
                }
                delivered.incrementAndGet();
                synchronized (sent) {
                    sent.add(new Sent(chat, req.path("text").asText(), System.nanoTime()));
                }
                ObjectNode m = answer.put("ok", true).putObject("result");
                m.put("message_id", delivered.get()).put("date", System.currentTimeMillis() / 1000);
                m.putObject("chat").put("id", chat).put("type", chat > 0 ? "private" : "group");
            } else if (path.endsWith("/editmessagetext")) {
                JsonNode req = JSON.readTree(ex.getRequestBody());
                synchronized (edited) {
                    edited.add(new Sent(req.path("chat_id").asLong(), req.path("text").asText(), System.nanoTime()));
                }
                answer.put("ok", true).put("result", true);
            } else {
                answer.put("ok", true).put("result", true);
            }
            reply(ex, 200, answer);
        }
    }

    /** The messages accepted so far, in order. */
    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The edits accepted so far (the chat and the message's new text), in order. */
    public List<Sent> edited() {
        synchronized (edited) {
            return List.copyOf(edited);
        }
    }

    // as Telegram holds a long poll (no update comes, the client does not spin), shorter than its 50 s
    // so a stopped service is not left waiting on its last poll
    private static void quietLongPoll() {
        try {
            Thread.sleep(LONG_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 0 if the message may go now, else the seconds to wait. */
    private synchronized int admit(long chat, long now) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - 1000) recent.removeFirst();
        if (recent.size() >= 30) return 1;
        Long last = lastPerChat.get(chat);
        if (last != null && now - last < 1000) return 1;
        if (chat < 0) {
            Deque<Long> g = perGroup.computeIfAbsent(chat, k -> new ArrayDeque<>());
            while (!g.isEmpty() && g.peekFirst() <= now - 60_000) g.removeFirst();
            if (g.size() >= 20) return (int) Math.max(1, (g.peekFirst() + 60_000 - now) / 1000);
            g.addLast(now);
        }
        recent.addLast(now);
        lastPerChat.put(chat, now);
        return 0;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
