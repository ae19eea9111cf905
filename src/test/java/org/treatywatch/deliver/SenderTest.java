package org.treatywatch.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.FeedDef;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.OutboxStore;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoredItem;

/** The sender against the fake Bot API: crashes at each step, Telegram's errors, fairness, digests. */
class SenderTest {
    static final String TOKEN = "123456789:AAsender-test-token_abcdefghijklmn";

    @TempDir
    Path dir;
    Db db;
    FakeBotApi api;
    OkHttpTelegramClient client;
    OutboxStore outbox;
    ChatStore chats;
    final List<Sender> senders = new ArrayList<>();
    int items;

    @BeforeEach
    void setUp() throws Exception {
        db = Db.open("jdbc:h2:file:" + dir.resolve("db"));
        new FeedStore(db).add(new FeedDef("f", "Feed", "https://e.org/rss", FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true,
                Optional.empty()), "yaml");
        api = new FakeBotApi(TOKEN);
        String port = api.url().substring(api.url().lastIndexOf(':') + 1);
        client = new OkHttpTelegramClient(new OkHttpClient(), TOKEN, new TelegramUrl("http", "127.0.0.1", Integer.parseInt(port), false));
        outbox = new OutboxStore(db);
        chats = new ChatStore(db);
    }

    @AfterEach
    void tearDown() {
        senders.forEach(Sender::close);
        api.close();
        db.close();
    }

    Sender start() {
        return start(client);
    }

    Sender start(org.telegram.telegrambots.meta.generics.TelegramClient telegram) {
        Sender s = new Sender(outbox, chats, telegram, false, new DigestComposer(outbox, chats, new Templates(Path.of("templates"))));
        senders.add(s);
        s.start();
        return s;
    }

    /**
     * The real client, except that the process "dies" (an Error no one catches) at the second
     * message: before it leaves (a crash after claiming the row), just after it left (a crash before
     * recording it), or before the third (a crash after recording the second).
     */
    org.telegram.telegrambots.meta.generics.TelegramClient crashingClient(String step, java.util.concurrent.atomic.AtomicBoolean crashed) {
        java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
        return (org.telegram.telegrambots.meta.generics.TelegramClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.telegram.telegrambots.meta.generics.TelegramClient.class}, (proxy, method, args) -> {
                    boolean message = method.getName().equals("execute") && args != null && args.length == 1
                            && args[0] instanceof org.telegram.telegrambots.meta.api.methods.send.SendMessage;
                    int n = message ? sends.incrementAndGet() : 0;
                    if (message && ((step.equals("afterClaim") && n == 2) || (step.equals("afterRecord") && n == 3))) {
                        crashed.set(true);
                        throw new SimulatedCrash();
                    }
                    Object result;
                    try {
                        result = method.invoke(client, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (message && step.equals("afterSend") && n == 2) {
                        crashed.set(true);
                        throw new SimulatedCrash();
                    }
                    return result;
                });
    }

    /** One new relevant item delivered to each of these chats (which are created and subscribed). */
    void alert(long... chatIds) {
        Map<Long, String> bodies = new HashMap<>();
        for (long c : chatIds) {
            chats.ensure(c, "ar", c > 0 ? "private" : "supergroup");
            chats.subscribeTopic(c);
            bodies.put(c, "alert " + items + " for " + c);
        }
        String guid = "g" + items++;
        new PollRecorder(db).record("f", List.of(new PollRecorder.NewItem(
                new StoredItem(0, "f", guid, "https://e.org/" + guid, "عنوان " + guid, null, "ar", StoredItem.RELEVANT, 1, "x"),
                bodies)), Instant.now());
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("kill -9");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"afterClaim", "afterSend", "afterRecord"})
    void aCrashAtAnyStepLosesNothingAndDuplicatesAtMostTheMessageInFlight(String step) {
        alert(101, 102, 103);
        java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
        Sender crashing = start(crashingClient(step, crashed));
        await().atMost(Duration.ofSeconds(20)).until(crashed::get);
        crashing.close(); // joins the dead sender thread
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(OutboxRow.SENT) == 3);
        Map<Long, Integer> perChat = new HashMap<>();
        for (FakeBotApi.Sent s : api.sent()) perChat.merge(s.chatId(), 1, Integer::sum);
        assertThat(perChat.keySet()).containsExactlyInAnyOrder(101L, 102L, 103L);
        int duplicates = perChat.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(duplicates).isEqualTo(step.equals("afterSend") ? 1 : 0);
    }

    @Test
    void tooManyRequestsWaitsRetryAfterAndThenDelivers() {
        api.failNext("sendmessage", 1);
        alert(201);
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(OutboxRow.SENT) == 1);
        assertThat(api.sentTo(201)).hasSize(1);
        assertThat(api.calls().stream().filter("sendmessage"::equals).count()).isEqualTo(2);
    }

    @Test
    void aChatThatBlockedTheBotIsDeactivatedAndItsAlertsDropped() {
        api.failChat(301, 403, "Forbidden: bot was blocked by the user", null);
        alert(301, 302);
        alert(301);
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(OutboxRow.DROPPED) == 2 && outbox.count(OutboxRow.SENT) == 1);
        assertThat(chats.get(301).orElseThrow().active()).isFalse();
        assertThat(api.sentTo(302)).hasSize(1);
    }

    @Test
    void chatNotFoundIsTreatedLikeABlock() {
        api.failChat(351, 400, "Bad Request: chat not found", null);
        alert(351);
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(OutboxRow.DROPPED) == 1);
        assertThat(chats.get(351).orElseThrow().active()).isFalse();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenDeadLettered() throws Exception {
        api.failChat(401, 502, "Bad Gateway", null);
        alert(401);
        Sender s = start();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sendAttempts() == 1 && outbox.count(OutboxRow.PENDING) == 1);
        // The retry waits (2 s after the first failure, doubling); skip ahead to the last allowed attempt.
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = ?, not_before = NULL")) {
                ps.setInt(1, Sender.MAX_ATTEMPTS - 1);
                return ps.executeUpdate();
            }
        });
        s.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(OutboxRow.DEAD) == 1);
        assertThat(api.sentTo(401)).isEmpty();
    }

    @Test
    void aMigratedGroupGetsItsAlertAtTheNewId() {
        api.failChat(-501, 400, "Bad Request: group chat was upgraded to a supergroup chat",
                FakeBotApi.parameters().put("migrate_to_chat_id", -100501L));
        alert(-501);
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sentTo(-100501L).size() == 1);
        assertThat(chats.get(-501)).isEmpty();
        assertThat(chats.get(-100501L)).isPresent();
    }

    @Test
    void aBusyChatDoesNotStarveTheOthers() {
        for (int i = 0; i < 20; i++) alert(601);
        long[] others = {602, 603, 604, 605, 606, 607, 608, 609, 610, 611};
        alert(others);
        start();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(others).allMatch(c -> api.sentTo(c).size() == 1));
        assertThat(api.sentTo(601).size()).isLessThanOrEqualTo(3); // one a second, while the others all got theirs
    }

    @Test
    void digestChatsGetOneMessageAtTheirTimeAndAMissedDigestIsSentAtStart() {
        ZoneId zone = ZoneId.of("Asia/Jerusalem");
        chats.ensure(701, "he", "private");
        chats.subscribeTopic(701);
        chats.setTimeZone(701, zone.getId());
        chats.setDigest(701, "08:30", java.time.Instant.now());
        // Pretend the last digest went out yesterday morning.
        Instant yesterday = ZonedDateTime.now(zone).minusDays(1).withHour(8).withMinute(31).toInstant();
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET last_digest_at = ? WHERE chat_id = 701")) {
                ps.setObject(1, yesterday.atOffset(java.time.ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        alert(701);
        alert(701);
        assertThat(outbox.count(OutboxRow.HELD)).isEqualTo(2);
        DigestComposer digests = new DigestComposer(outbox, chats, new Templates(Path.of("templates")));
        Instant beforeTime = ZonedDateTime.now(zone).minusDays(1).withHour(23).withMinute(0).toInstant();
        assertThat(digests.releaseAllDue(beforeTime)).isZero();
        Instant afterTime = ZonedDateTime.now(zone).withHour(8).withMinute(31).toInstant();
        assertThat(digests.releaseAllDue(afterTime)).isEqualTo(1);
        assertThat(digests.releaseAllDue(afterTime.plusSeconds(60))).isZero();
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sentTo(701).size() == 1);
        assertThat(api.sentTo(701).get(0).text()).contains("סיכום יומי", "g0\u2069</a>", "g1\u2069</a>").doesNotContain("ועוד");
        assertThat(outbox.count(OutboxRow.DIGESTED)).isEqualTo(1);
        chats.setDigest(701, null, java.time.Instant.now());
        alert(701);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sentTo(701).size() == 2);
    }

    @Test
    void aGroupGetsAtMostTwentyMessagesAMinute() {
        RateLimiter limits = new RateLimiter();
        Instant t = Instant.parse("2025-01-17T10:00:00Z");
        for (int i = 0; i < RateLimiter.GROUP_PER_MINUTE; i++) {
            Instant at = limits.chatReadyAt(-9, t);
            limits.sent(-9, at);
            t = at;
        }
        Instant next = limits.chatReadyAt(-9, t);
        assertThat(Duration.between(Instant.parse("2025-01-17T10:00:00Z"), next)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limits.chatReadyAt(42, t)).isEqualTo(t); // private chats only wait a second
    }
}
