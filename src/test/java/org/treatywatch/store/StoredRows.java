package org.treatywatch.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What tests read back from the tables; the service itself never needs these queries. */
public final class StoredRows {
    private StoredRows() {}

    /** A feed's items, oldest first. */
    public static List<StoredItem> byFeed(Db db, String feedId) {
        return db.tx(c -> {
            List<StoredItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, feed_id, guid, url, title, published_at, language, status, score, evidence "
                            + "FROM items WHERE feed_id = ? ORDER BY id")) {
                ps.setString(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredItem(rs.getLong("id"), rs.getString("feed_id"), rs.getString("guid"),
                                rs.getString("url"), rs.getString("title"), Sql.instant(rs, "published_at"),
                                rs.getString("language"), rs.getString("status"), rs.getDouble("score"),
                                rs.getString("evidence")));
                    }
                }
            }
            return out;
        });
    }

    /** Due pending alerts, oldest first. */
    public static List<OutboxRow> due(Db db, Instant now, int limit) {
        return db.tx(c -> {
            List<OutboxRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, item_id, chat_id, body, status, attempts FROM outbox WHERE status = 'pending' "
                            + "AND (not_before IS NULL OR not_before <= ?) ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(OutboxStore.row(rs));
                    }
                }
            }
            return out;
        });
    }
}
