package org.treatywatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.config.FeedDef;

/** Storage on a real H2 file: migrations, feeds from both origins, items with their deliveries, the outbox cycle. */
class StoreTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("tw");
    }

    static FeedDef feed(String id, String interval) {
        return new FeedDef(id, "Feed " + id, "https://example.org/" + id, FeedDef.Kind.RSS, "ar",
                org.treatywatch.config.Durations.parse(interval), true, Optional.empty());
    }

    static StoredItem item(String feed, String guid, String status) {
        return new StoredItem(0, feed, guid, "https://example.org/" + guid, "title " + guid, null, "ar", status, 0.9, "why");
    }

    @Test
    void yamlSyncAddsUpdatesAndRemovesButKeepsBotFeedsAndFetchState() {
        try (Db db = Db.open(url())) {
            FeedStore feeds = new FeedStore(db);
            feeds.syncFromYaml(List.of(feed("a", "10m"), feed("b", "10m")));
            assertThat(feeds.add(feed("from-bot", "5m"), FeedRow.ORIGIN_BOT)).isTrue();
            assertThat(feeds.add(feed("a", "5m"), FeedRow.ORIGIN_BOT)).isFalse();
            feeds.recordSuccess("a", "\"etag-1\"", "Mon, 01 Jan 2024 00:00:00 GMT", Instant.now(), Duration.ofMinutes(10));

            feeds.syncFromYaml(List.of(feed("a", "30m")));

            assertThat(feeds.all()).extracting(FeedRow::id).containsExactly("a", "from-bot");
            FeedRow a = feeds.get("a").orElseThrow();
            assertThat(a.def().interval()).isEqualTo(Duration.ofMinutes(30));
            assertThat(a.etag()).isEqualTo("\"etag-1\"");
            assertThat(feeds.get("from-bot").orElseThrow().origin()).isEqualTo(FeedRow.ORIGIN_BOT);
        }
    }

    @Test
    void subscriptionsAddedInBulkBelongToTheirChatsAndChangeWhoGetsAlerts() {
        try (Db db = Db.open(url())) {
            ChatStore chats = new ChatStore(db);
            chats.ensure(7, "he", "group"); // an existing chat keeps its language and type
            long version = chats.version();

            chats.addSubscriptions(List.of(new Subscription(0, 7, "ar", Subscription.TREATY, "treaty"),
                    new Subscription(0, 8, "ar", Subscription.TREATY, ""), new Subscription(0, 8, "ar", Subscription.TREATY, "gas -oil")));

            assertThat(chats.version()).isGreaterThan(version); // a cached index rebuilds
            assertThat(chats.get(7).orElseThrow().language()).isEqualTo("he");
            assertThat(chats.get(8).orElseThrow().language()).isEqualTo("ar");
            assertThat(chats.activeSubscriptions(Instant.now()).subscriptions())
                    .extracting(Subscription::chatId, Subscription::filter)
                    .containsExactly(tuple(7L, "treaty"), tuple(8L, ""),
                            tuple(8L, "gas -oil"));
        }
    }

    @Test
    void failuresAreCountedAndResetBySuccess() {
        try (Db db = Db.open(url())) {
            FeedStore feeds = new FeedStore(db);
            feeds.syncFromYaml(List.of(feed("a", "10m")));
            Instant now = Instant.now();
            assertThat(feeds.recordFailure("a", "HTTP 500", now, now.plusSeconds(60))).isEqualTo(1);
            assertThat(feeds.recordFailure("a", "HTTP 500", now, now.plusSeconds(120))).isEqualTo(2);
            assertThat(feeds.get("a").orElseThrow().lastError()).isEqualTo("HTTP 500");
            feeds.recordSuccess("a", null, null, now, Duration.ofMinutes(10));
            assertThat(feeds.get("a").orElseThrow().consecutiveFailures()).isZero();
        }
    }

    @Test
    void anItemIsStoredOnceWithOneDeliveryPerChatAndSurvivesReopening() {
        try (Db db = Db.open(url())) {
            new FeedStore(db).syncFromYaml(List.of(feed("a", "10m")));
            ChatStore chats = new ChatStore(db);
            chats.ensure(1, "ar", "private");
            chats.ensure(2, "he", "private");
            assertThat(chats.subscribeTopic(1)).isTrue();
            assertThat(chats.subscribeTopic(1)).isFalse();
            chats.subscribeTopic(2);
            PollRecorder recorder = new PollRecorder(db);
            PollRecorder.NewItem relevant = new PollRecorder.NewItem(item("a", "g1", StoredItem.RELEVANT),
                    Map.of(1L, "alert ar", 2L, "alert he"));
            PollRecorder.NewItem irrelevant = new PollRecorder.NewItem(item("a", "g2", StoredItem.IRRELEVANT),
                    Map.of(1L, "must not be queued"));

            assertThat(recorder.record("a", List.of(relevant, irrelevant), Instant.now())).isEqualTo(2);
            assertThat(recorder.record("a", List.of(relevant), Instant.now())).isZero();
        }
        try (Db db = Db.open(url())) {
            assertThat(StoredRows.byFeed(db, "a")).extracting(StoredItem::guid).containsExactly("g1", "g2");
            assertThat(new FeedStore(db).get("a").orElseThrow().initialized()).isTrue();
            OutboxStore outbox = new OutboxStore(db);
            assertThat(StoredRows.due(db, Instant.now(), 10)).extracting(OutboxRow::chatId, OutboxRow::body)
                    .containsExactlyInAnyOrder(tuple(1L, "alert ar"), tuple(2L, "alert he"));
        }
    }

    @Test
    void outboxRowsMoveFromPendingToSentAndInFlightRowsAreRequeuedAtStart() {
        try (Db db = Db.open(url())) {
            new FeedStore(db).syncFromYaml(List.of(feed("a", "10m")));
            ChatStore chats = new ChatStore(db);
            chats.ensure(1, "ar", "private");
            chats.subscribeTopic(1);
            new PollRecorder(db).record("a", List.of(
                    new PollRecorder.NewItem(item("a", "g1", StoredItem.RELEVANT), Map.of(1L, "one")),
                    new PollRecorder.NewItem(item("a", "g2", StoredItem.RELEVANT), Map.of(1L, "two"))), Instant.now());
            OutboxStore outbox = new OutboxStore(db);
            List<OutboxRow> due = StoredRows.due(db, Instant.now(), 10);
            assertThat(outbox.claim(due.get(0).id())).isTrue();
            assertThat(outbox.claim(due.get(0).id())).isFalse();
            outbox.markSent(due.get(0).id(), 99, Instant.now());
            assertThat(outbox.claim(due.get(1).id())).isTrue();
            // the process dies here, with row two in flight
        }
        try (Db db = Db.open(url())) {
            OutboxStore outbox = new OutboxStore(db);
            assertThat(outbox.requeueInFlight()).isEqualTo(1);
            assertThat(StoredRows.due(db, Instant.now(), 10)).extracting(OutboxRow::body).containsExactly("two");
            assertThat(outbox.count(OutboxRow.SENT)).isEqualTo(1);
        }
    }

    @Test
    void aChatThatBlockedTheBotLosesItsPendingDeliveries() {
        try (Db db = Db.open(url())) {
            new FeedStore(db).syncFromYaml(List.of(feed("a", "10m")));
            ChatStore chats = new ChatStore(db);
            chats.ensure(1, "ar", "private");
            chats.subscribeTopic(1);
            new PollRecorder(db).record("a", List.of(
                    new PollRecorder.NewItem(item("a", "g1", StoredItem.RELEVANT), Map.of(1L, "x"))), Instant.now());
            OutboxStore outbox = new OutboxStore(db);
            chats.deactivate(1);
            assertThat(outbox.dropForChat(1, "Telegram 403: blocked")).isEqualTo(1);
            assertThat(StoredRows.due(db, Instant.now(), 10)).isEmpty();
            assertThat(chats.get(1).orElseThrow().active()).isFalse();
            assertThat(chats.unsubscribe(1, Optional.empty())).isEqualTo(1);
        }
    }

    @Test
    void aPollIsStoredInOneGoRepeatedAndKnownItemsOnceAndItsFeedStateWithIt() {
        try (Db db = Db.open(url())) {
            FeedStore feeds = new FeedStore(db);
            feeds.syncFromYaml(List.of(feed("a", "10m")));
            PollRecorder recorder = new PollRecorder(db);
            recorder.record("a", List.of(new PollRecorder.NewItem(item("a", "old", StoredItem.BASELINE), Map.of())), Instant.now());
            List<PollRecorder.NewItem> poll = new java.util.ArrayList<>();
            poll.add(new PollRecorder.NewItem(item("a", "old", StoredItem.IRRELEVANT), Map.of()));
            for (int i = 0; i < 150; i++) poll.add(new PollRecorder.NewItem(item("a", "n" + i, StoredItem.IRRELEVANT), Map.of()));
            poll.add(new PollRecorder.NewItem(item("a", "n7", StoredItem.IRRELEVANT), Map.of())); // a feed repeating an item
            Instant now = Instant.parse("2026-11-30T10:00:00Z");
            recorder.record("a", poll, now, new PollRecorder.FeedState("\"v2\"", null, Duration.ofMinutes(10)));

            assertThat(StoredRows.byFeed(db, "a")).extracting(StoredItem::guid).hasSize(151).startsWith("old", "n0", "n1").endsWith("n149");
            assertThat(new ItemStore(db).knownGuids("a", List.of("n0", "n149", "never", "old"))).containsExactlyInAnyOrder("n0", "n149", "old");
            FeedRow row = feeds.get("a").orElseThrow();
            assertThat(row.etag()).isEqualTo("\"v2\"");
            assertThat(row.lastSuccess()).isEqualTo(now);
        }
    }

    @Test
    void theSchemaVersionABuildSkipsFlywayAtIsItsNewestMigration() throws Exception {
        int newest = 0;
        for (String dir : List.of("/db/migration", "/db/quartz/h2", "/db/quartz/postgresql")) {
            try (var files = java.nio.file.Files.list(Path.of(Db.class.getResource(dir).toURI()))) {
                for (Path f : files.toList()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql").matcher(f.getFileName().toString());
                    if (m.matches()) newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(Db.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
        try (Db db = Db.open(url())) {
            new FeedStore(db).syncFromYaml(List.of(feed("a", "10m")));
        }
        try (Db db = Db.open(url())) { // reopened at its version: no migration runs, the data is there
            assertThat(new FeedStore(db).get("a")).isPresent();
        }
    }

    @Test
    void theTimelineRunsByEventDateAndTheFeedOfStoriesByLatestReport() {
        try (Db db = Db.open(url())) {
            Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
            long signing = db.tx(c -> StoryStore.create(c, story("signing", "2025-01-17"), t0));
            long ratification = db.tx(c -> StoryStore.create(c, story("ratification", "2025-04-08"), t0.plusSeconds(60)));
            db.tx(c -> {
                StoryStore.touch(c, signing, t0.plusSeconds(3600)); // a late report of the older event
                return null;
            });
            StoryStore stories = new StoryStore(db);
            assertThat(stories.timeline(10)).extracting(StoryStore.StoryRow::id).containsExactly(signing, ratification);
            assertThat(stories.latest(10)).extracting(l -> l.story().id()).containsExactly(signing, ratification);
            assertThat(stories.latest(10).get(0).lastSeen()).isEqualTo(t0.plusSeconds(3600));
        }
    }

    private static StoryStore.StoryRow story(String stage, String date) {
        return new StoryStore.StoryRow(0, Optional.of(stage), java.util.Set.of("putin"), java.util.Set.of(),
                Optional.of(java.time.LocalDate.parse(date)), "t " + stage, "ar", Instant.now());
    }
}
