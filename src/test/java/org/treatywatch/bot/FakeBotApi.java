package org.treatywatch.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Telegram Bot API server on 127.0.0.1 that speaks the documented JSON protocol:
 * {@code /bot<token>/<method>}, {"ok":true,"result":...} or {"ok":false,"error_code":...}.
 * Tests queue user updates and read what the bot sent. Method names match case-insensitively,
 * as TelegramBots sends most in lower case but deleteWebhook in camel case.
 */
public final class FakeBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Telegram's limits for a message's text and a file's caption (it counts after parsing entities; counted raw here, which is stricter). */
    public static final int MAX_TEXT = 4096, MAX_CAPTION = 1024;

    /** A message the bot sent. */
    public record Sent(long chatId, String text, String parseMode, JsonNode request) {}

    private final HttpServer server;
    private final String token;
    private final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Sent> edits = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger updateIds = new AtomicInteger(1);
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final Object updatesLock = new Object();
    private final ConcurrentHashMap<String, String> memberStatus = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Object[]> chatFailures = new ConcurrentHashMap<>();
    private final AtomicInteger sendAttempts = new AtomicInteger();

    /** As on Telegram, the bot's user id is the part of its token before the colon. */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    public FakeBotApi(String token) throws IOException {
        // The JDK server's delayed-ACK stall costs ~40 ms per small response without TCP_NODELAY.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A user writes text in a private chat whose id is the user's id. */
    public void userSends(long userId, String text, String languageCode) {
        ObjectNode msg = message(userId, userId, "private", languageCode);
        ((ObjectNode) msg.get("chat")).put("first_name", "User");
        addUpdate("message", withText(msg, text));
    }

    // A new message in a chat from a user: id, date, chat and sender.
    private ObjectNode message(long chatId, long userId, String chatType, String languageCode) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("message_id", messageIds.incrementAndGet());
        msg.put("date", System.currentTimeMillis() / 1000);
        msg.putObject("chat").put("id", chatId).put("type", chatType);
        ObjectNode from = msg.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User");
        if (languageCode != null) from.put("language_code", languageCode);
        return msg;
    }

    // The text, marked as a bot command when it starts with '/', as Telegram marks it.
    private static ObjectNode withText(ObjectNode msg, String text) {
        msg.put("text", text);
        if (text.startsWith("/")) {
            int len = text.contains(" ") ? text.indexOf(' ') : text.length();
            msg.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", len);
        }
        return msg;
    }

    /** A user sends a file (a document message) in a private chat; the bot can download it with getFile. */
    public void userSendsDocument(long userId, String fileName, byte[] content, String languageCode) {
        String fileId = "file-" + messageIds.incrementAndGet();
        files.put(fileId, content);
        ObjectNode msg = message(userId, userId, "private", languageCode);
        msg.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId).put("file_name", fileName)
                .put("mime_type", "text/x-opml").put("file_size", content.length);
        addUpdate("message", msg);
    }

    /** A file the bot sent (sendDocument): chat, file name, content as text, caption. */
    public record Document(long chatId, String fileName, String content, String caption) {}

    public List<Document> documents() {
        return List.copyOf(documents);
    }

    /** A user writes inside a forum topic of a supergroup (is_topic_message, message_thread_id). */
    public void userSendsInTopic(long groupId, long userId, int threadId, String text) {
        ObjectNode msg = message(groupId, userId, "supergroup", "he");
        ((ObjectNode) msg.get("chat")).put("title", "Forum").put("is_forum", true);
        msg.put("message_thread_id", threadId);
        msg.put("is_topic_message", true);
        addUpdate("message", withText(msg, text));
    }

    /** The topic is deleted: sending into it answers 400 "message thread not found", as Telegram does. */
    public void deleteTopic(long groupId, int threadId) {
        goneTopics.add(groupId + "/" + threadId);
    }

    private final java.util.Set<String> goneTopics = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A user writes in a group (negative chat id). */
    public void userSendsInGroup(long groupId, long userId, String text) {
        ObjectNode msg = message(groupId, userId, "supergroup", "ar");
        ((ObjectNode) msg.get("chat")).put("title", "Group");
        addUpdate("message", withText(msg, text));
    }

    /** A group was upgraded to a supergroup: Telegram posts a service message in the old chat. */
    public void groupMigrates(long oldId, long newId) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("message_id", messageIds.incrementAndGet());
        msg.put("date", System.currentTimeMillis() / 1000);
        msg.putObject("chat").put("id", oldId).put("type", "group").put("title", "Group");
        msg.putObject("from").put("id", 1).put("is_bot", false).put("first_name", "Admin");
        msg.put("migrate_to_chat_id", newId);
        addUpdate("message", msg);
    }

    /** The bot was removed from (status "kicked"/"left") or added to a chat. */
    public void botMembershipChanges(long chatId, String status) {
        ObjectNode u = JSON.createObjectNode();
        u.putObject("chat").put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup");
        u.putObject("from").put("id", 1).put("is_bot", false).put("first_name", "Admin");
        u.put("date", System.currentTimeMillis() / 1000);
        u.set("old_chat_member", member(botId(), "member"));
        u.set("new_chat_member", member(botId(), status));
        addUpdate("my_chat_member", u);
    }

    /** A user edits an old message, or sends a photo without text. */
    public void userEdits(long userId, String text) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("message_id", messageIds.incrementAndGet());
        msg.put("date", System.currentTimeMillis() / 1000);
        msg.put("edit_date", System.currentTimeMillis() / 1000);
        msg.putObject("chat").put("id", userId).put("type", "private");
        msg.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User");
        msg.put("text", text);
        addUpdate("edited_message", msg);
    }

    public void userSendsPhoto(long userId) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("message_id", messageIds.incrementAndGet());
        msg.put("date", System.currentTimeMillis() / 1000);
        msg.putObject("chat").put("id", userId).put("type", "private");
        msg.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User");
        msg.putArray("photo").addObject().put("file_id", "f").put("file_unique_id", "u").put("width", 1).put("height", 1);
        addUpdate("message", msg);
    }

    /** What getChatMember answers for a user in a chat (default "member"). */
    public void setMemberStatus(String chat, long userId, String status) {
        memberStatus.put(chat + "/" + userId, status);
    }

    /** Makes @name resolvable by getChat as a channel with this id. */
    public void addChannel(String name, long id) {
        channels.put(name, id);
    }

    private ObjectNode member(long userId, String status) {
        ObjectNode m = JSON.createObjectNode();
        m.put("status", status);
        m.putObject("user").put("id", userId).put("is_bot", userId == botId()).put("first_name", "U");
        if (status.equals("administrator")) {
            for (String f : new String[] {"can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                    "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
                    "can_post_messages", "can_edit_messages", "can_pin_messages", "can_post_stories", "can_edit_stories",
                    "can_delete_stories", "can_manage_topics", "can_manage_direct_messages"}) {
                m.put(f, true);
            }
        }
        if (status.equals("kicked") || status.equals("restricted")) m.put("until_date", 0);
        if (status.equals("creator")) m.put("is_anonymous", false);
        return m;
    }

    /** A user presses an inline button. */
    public void userPresses(long userId, String data) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", "cb" + updateIds.get());
        q.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User");
        q.put("chat_instance", "ci");
        q.put("data", data);
        ObjectNode m = q.putObject("message");
        m.put("message_id", messageIds.incrementAndGet()).put("date", System.currentTimeMillis() / 1000);
        m.putObject("chat").put("id", userId).put("type", "private");
        m.put("text", "?");
        addUpdate("callback_query", q);
    }

    private void addUpdate(String field, ObjectNode payload) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateIds.getAndIncrement());
        u.set(field, payload);
        synchronized (updatesLock) {
            updates.add(u);
            updatesLock.notifyAll();
        }
    }

    /** Every sendMessage to this chat answers with this error (parameters may be null). */
    public void failChat(long chatId, int code, String description, ObjectNode parameters) {
        chatFailures.put(chatId, new Object[] {code, description, parameters});
    }

    public void healChat(long chatId) {
        chatFailures.remove(chatId);
    }

    /** The next n calls of a method answer with this error (e.g. 429 with retry_after). */
    public void failNext(String method, int times) {
        failures.put(method.toLowerCase(Locale.ROOT), times);
    }

    public List<Sent> sentTo(long chatId) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) if (s.chatId() == chatId) out.add(s);
        return out;
    }

    /** sendMessage calls, answered or failed. */
    public int sendAttempts() {
        return sendAttempts.get();
    }

    public static ObjectNode parameters() {
        return JSON.createObjectNode();
    }

    /** editMessageText calls, in order. */
    public List<Sent> edits() {
        return List.copyOf(edits);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Document> documents = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String filePrefix = "/file/bot" + token + "/documents/";
            if (path.startsWith(filePrefix)) { // file downloads, as Telegram serves them
                byte[] content = files.get(path.substring(filePrefix.length()));
                if (content == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    ex.sendResponseHeaders(200, content.length);
                    ex.getResponseBody().write(content);
                }
                return;
            }
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            calls.add(method);
            JsonNode req = body(ex);
            Integer fail = failures.computeIfPresent(method, (k, v) -> v - 1);
            if (fail != null && fail >= 0) {
                ObjectNode err = error(429, "Too Many Requests: retry after 1");
                err.putObject("parameters").put("retry_after", 1);
                reply(ex, 429, err);
                return;
            }
            switch (method) {
                case "getme" -> ok(ex, JSON.createObjectNode().put("id", botId()).put("is_bot", true)
                        .put("first_name", "treatywatch").put("username", "treatywatch_bot"));
                case "deletewebhook", "setmycommands", "answercallbackquery", "setwebhook" -> ok(ex, JSON.getNodeFactory().booleanNode(true));
                case "getupdates" -> ok(ex, updatesFrom(req.path("offset").asLong(0), req.path("timeout").asInt(0)));
                case "editmessagetext" -> {
                    long chatId = req.path("chat_id").asLong();
                    if (req.path("text").asText().length() > MAX_TEXT) {
                        reply(ex, 400, error(400, "Bad Request: MESSAGE_TOO_LONG"));
                        return;
                    }
                    edits.add(new Sent(chatId, req.path("text").asText(), req.path("parse_mode").asText(null), req));
                    ObjectNode m = JSON.createObjectNode();
                    m.put("message_id", req.path("message_id").asInt());
                    m.put("date", System.currentTimeMillis() / 1000);
                    m.putObject("chat").put("id", chatId).put("type", chatId > 0 ? "private" : "group");
                    m.put("text", req.path("text").asText());
                    ok(ex, m);
                }
                case "getchatmember" -> {
                    String key = req.path("chat_id").asText() + "/" + req.path("user_id").asText();
                    ok(ex, member(req.path("user_id").asLong(), memberStatus.getOrDefault(key, "member")));
                }
                case "getchat" -> {
                    Long id = channels.get(req.path("chat_id").asText());
                    if (id == null) reply(ex, 400, error(400, "Bad Request: chat not found"));
                    else ok(ex, JSON.createObjectNode().put("id", id).put("type", "channel").put("title", "Channel")
                            .put("username", req.path("chat_id").asText().substring(1)).put("accent_color_id", 0).put("max_reaction_count", 0));
                }
                case "sendmessage" -> {
                    long chatId = req.path("chat_id").asLong();
                    sendAttempts.incrementAndGet();
                    Object[] failure = chatFailures.get(chatId);
                    if (failure != null) {
                        ObjectNode err = error((Integer) failure[0], (String) failure[1]);
                        if (failure[2] != null) err.set("parameters", (ObjectNode) failure[2]);
                        reply(ex, (Integer) failure[0], err);
                        return;
                    }
                    if (req.hasNonNull("message_thread_id") && goneTopics.contains(chatId + "/" + req.path("message_thread_id").asText())) {
                        reply(ex, 400, error(400, "Bad Request: message thread not found"));
                        return;
                    }
                    String text = req.path("text").asText();
                    if (text.length() > MAX_TEXT) { // as Telegram does: the user gets nothing
                        reply(ex, 400, error(400, "Bad Request: message is too long"));
                        return;
                    }
                    sent.add(new Sent(chatId, text, req.path("parse_mode").asText(null), req));
                    ObjectNode m = JSON.createObjectNode();
                    m.put("message_id", messageIds.incrementAndGet());
                    m.put("date", System.currentTimeMillis() / 1000);
                    m.putObject("chat").put("id", chatId).put("type", chatId > 0 ? "private" : "group");
                    m.put("text", text);
                    ok(ex, m);
                }
                case "getfile" -> {
                    String id = req.path("file_id").asText();
                    byte[] content = files.get(id);
                    if (content == null) reply(ex, 400, error(400, "Bad Request: invalid file_id"));
                    else ok(ex, JSON.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
                            .put("file_size", content.length).put("file_path", "documents/" + id));
                }
                case "senddocument" -> {
                    long chatId = req.path("chat_id").asLong();
                    if (req.path("caption").asText().length() > MAX_CAPTION) {
                        reply(ex, 400, error(400, "Bad Request: message caption is too long"));
                        return;
                    }
                    String part = req.path("document").asText();
                    // the file travels in its own part, named by document=attach://<name>
                    if (part.startsWith("attach://")) part = part.substring("attach://".length());
                    else part = "document";
                    documents.add(new Document(chatId, req.path(part + "_filename").asText(), req.path(part).asText(),
                            req.path("caption").asText()));
                    ObjectNode m = JSON.createObjectNode();
                    m.put("message_id", messageIds.incrementAndGet());
                    m.put("date", System.currentTimeMillis() / 1000);
                    m.putObject("chat").put("id", chatId).put("type", chatId > 0 ? "private" : "group");
                    m.putObject("document").put("file_id", "sent-" + m.path("message_id").asText()).put("file_unique_id", "s")
                            .put("file_name", documents.get(documents.size() - 1).fileName());
                    ok(ex, m);
                }
                default -> reply(ex, 404, error(404, "Not Found: method not found"));
            }
        }
    }

    private ArrayNode updatesFrom(long offset, int timeoutSeconds) {
        long deadline = System.currentTimeMillis() + Math.min(timeoutSeconds, 1) * 1000L;
        synchronized (updatesLock) {
            // Like Telegram: asking from offset N confirms, and forgets, every update before N.
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (true) {
                ArrayNode out = JSON.createArrayNode();
                for (ObjectNode u : updates) if (u.get("update_id").asLong() >= offset) out.add(u);
                long left = deadline - System.currentTimeMillis();
                if (out.size() > 0 || left <= 0) return out;
                try {
                    updatesLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return out;
                }
            }
        }
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        ObjectNode n = JSON.createObjectNode();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) form(query, n);
        if (bytes.length == 0) return n;
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (ct.contains("json")) {
            JsonNode parsed = JSON.readTree(s);
            if (parsed.isObject()) n.setAll((ObjectNode) parsed);
        } else if (ct.contains("x-www-form-urlencoded")) {
            form(s, n);
        } else if (ct.contains("multipart/form-data")) {
            String raw = ex.getRequestHeaders().getFirst("Content-Type");
            multipart(s, raw.substring(raw.toLowerCase(Locale.ROOT).indexOf("boundary=") + "boundary=".length()).replace("\"", "").split(";")[0].strip(), n);
        }
        return n;
    }

    // sendDocument's body: each part's name → its text; a file part also gives <name>_filename.
    private static void multipart(String body, String boundary, ObjectNode n) {
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) continue;
            String headers = part.substring(0, split);
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) continue;
            n.put(name.group(1), value);
            java.util.regex.Matcher file = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (file.find()) n.put(name.group(1) + "_filename", file.group(1));
        }
    }

    private static void form(String s, ObjectNode n) {
        for (String pair : s.split("&")) {
            String[] kv = pair.split("=", 2);
            n.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void ok(HttpExchange ex, JsonNode result) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("ok", true);
        n.set("result", result);
        reply(ex, 200, n);
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        synchronized (updatesLock) {
            updatesLock.notifyAll();
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
