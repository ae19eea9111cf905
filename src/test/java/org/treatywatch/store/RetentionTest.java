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
            Retention.Deleted d = new Retention(db).deleteOlderThan(NOW.minus(KEEP));
            assertThat(d.items()).isEqualTo(1200);
            assertThat(d.alerts()).isEqualTo(600);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'irrelevant'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'relevant'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(2);
            assertThat(new Retention(db).deleteOlderThan(NOW.minus(KEEP))).isEqualTo(new Retention.Deleted(0, 0));
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
                retention.deleteOlderThan(today.minus(Duration.ofDays(3)));
                most = Math.max(most, count(db, "SELECT COUNT(*) FROM outbox") + count(db, "SELECT COUNT(*) FROM items WHERE status = 'irrelevant'"));
            }
            // four days' worth at most (today and the three kept), while ten days were written
            assertThat(most).isLessThanOrEqualTo(4 * 300);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE status = 'relevant'")).isEqualTo(10 * 30);
        }
    }
}
