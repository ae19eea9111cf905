package org.treatywatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old irrelevant items and finished alerts go; relevant items, stories and pending alerts stay. */
class RetentionTest {
    @TempDir
    Path dir;

    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    static final Duration KEEP = Duration.ofDays(90);

    static long item(Connection c, String guid, String status, Instant seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO items (feed_id, guid, status, seen_at) VALUES ('f', ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, guid);
            ps.setString(2, status);
            ps.setObject(3, OffsetDateTime.ofInstant(seen, ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void alert(Connection c, long itemId, long chat, String status, Instant created) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (item_id, chat_id, body, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, itemId);
            ps.setLong(2, chat);
            ps.setString(3, "x".repeat(20_000));
            ps.setString(4, status);
            ps.setObject(5, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static int count(Db db, String sql) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void deletesOnlyWhatIsOldAndFinished() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("tw"))) {
            Instant old = NOW.minus(Duration.ofDays(120)), recent = NOW.minus(Duration.ofDays(5));
            db.tx(c -> {
                for (int i = 0; i < 1200; i++) item(c, "old-irrelevant-" + i, "irrelevant", old);
                item(c, "recent-irrelevant", "irrelevant", recent);
                long relevant = item(c, "old-relevant", "relevant", old);
                for (long chat = 1; chat <= 600; chat++) alert(c, relevant, chat, "sent", old);
                alert(c, relevant, 1000, "pending", old);
                alert(c, relevant, 1001, "sent", recent);
                return null;
            });
            Retention.Deleted d = new Retention(db).deleteOlderThan(KEEP, NOW);
            assertThat(d.items()).isEqualTo(1200);
            assertThat(d.alerts()).isEqualTo(600);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'irrelevant'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'relevant'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(2);
            assertThat(new Retention(db).deleteOlderThan(KEEP, NOW)).isEqualTo(new Retention.Deleted(0, 0));
        }
    }

    @Test
    void theDatabaseStopsGrowing() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("grow"))) {
            Retention retention = new Retention(db);
            int most = 0;
            for (int day = 0; day < 10; day++) {
                Instant today = NOW.plus(Duration.ofDays(day));
                int d = day;
                db.tx(c -> {
                    for (int i = 0; i < 300; i++) {
                        long id = item(c, "d" + d + "-" + i, i % 10 == 0 ? "relevant" : "irrelevant", today);
                        if (i % 10 == 0) alert(c, id, 1, "sent", today);
                    }
                    return null;
                });
                retention.deleteOlderThan(Duration.ofDays(3), today);
                most = Math.max(most, count(db, "SELECT COUNT(*) FROM outbox") + count(db, "SELECT COUNT(*) FROM items WHERE status = 'irrelevant'"));
            }
            // four days' worth at most (today and the three kept), while ten days were written
            assertThat(most).isLessThanOrEqualTo(4 * 300);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'relevant'")).isEqualTo(10 * 30);
        }
    }

    private static PollRecorder.NewItem irrelevant(String guid) {
        return new PollRecorder.NewItem(StoreTest.item("a", guid, StoredItem.IRRELEVANT), java.util.Map.of());
    }

    @Test
    void whatAFeedStillListsStaysHoweverLongItAnswers304AndWhatItDroppedGoes() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("listed"))) {
            new FeedStore(db).syncFromYaml(java.util.List.of(StoreTest.feed("a", "10m")));
            PollRecorder recorder = new PollRecorder(db);
            Instant first = Instant.now();
            recorder.record("a", java.util.List.of(irrelevant("kept"), irrelevant("dropped")), first,
                    new PollRecorder.FeedState("\"v1\"", null, Duration.ofMinutes(10), java.util.List.of("kept", "dropped")));
            // then 100 days of 304: nothing written, and both are still listed
            Instant later = first.plus(Duration.ofDays(100));
            assertThat(new Retention(db).deleteOlderThan(KEEP, later).items()).isZero();
            // the feed changes: one item is no longer listed, one is new
            recorder.record("a", java.util.List.of(irrelevant("new")), later,
                    new PollRecorder.FeedState("\"v2\"", null, Duration.ofMinutes(10), java.util.List.of("new", "kept")));
            assertThat(new Retention(db).deleteOlderThan(KEEP, later).items()).isEqualTo(1);
            assertThat(StoredRows.byFeed(db, "a")).extracting(StoredItem::guid).containsExactly("kept", "new");
            // a feed removed lists nothing any more
            new FeedStore(db).remove("a");
            assertThat(new Retention(db).deleteOlderThan(KEEP, later.plus(Duration.ofDays(100))).items()).isEqualTo(2);
        }
    }

    static long story(Connection c, Instant lastSeen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories (title, first_seen, last_seen) VALUES ('s', ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, OffsetDateTime.ofInstant(lastSeen, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(lastSeen, ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theAlertsOfAStoryThatCanStillTakeReportsStayAndAQuietStorysGo() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("stories"))) {
            Instant old = NOW.minus(Duration.ofDays(120));
            db.tx(c -> {
                long open = story(c, NOW.minus(Duration.ofDays(2))), quiet = story(c, NOW.minus(Duration.ofDays(8)));
                long openItem = item(c, "open", "relevant", old), quietItem = item(c, "quiet", "relevant", old);
                alert(c, openItem, 1, "sent", old);
                alert(c, quietItem, 1, "sent", old);
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET story_id = ? WHERE item_id = ?")) {
                    ps.setLong(1, open);
                    ps.setLong(2, openItem);
                    ps.executeUpdate();
                    ps.setLong(1, quiet);
                    ps.setLong(2, quietItem);
                    ps.executeUpdate();
                }
                return null;
            });
            assertThat(new Retention(db).deleteOlderThan(KEEP, NOW).alerts()).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox o JOIN items i ON i.id = o.item_id WHERE i.guid = 'open'")).isEqualTo(1);
        }
    }
}
