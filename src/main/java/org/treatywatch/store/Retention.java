package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Keeps the database from growing forever: finished alerts (sent, dead, dropped) and irrelevant
 * items older than the retention are deleted, a small batch per transaction so polling and sending
 * never wait long. Relevant items, stories and pending alerts are kept.
 */
public final class Retention {
    static final int BATCH = 500;

    private static final String FINISHED_ALERTS = """
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox
                WHERE status IN ('sent', 'dead', 'dropped') AND created_at < ?
                ORDER BY id LIMIT ?)""";

    private static final String IRRELEVANT_ITEMS = """
            DELETE FROM items WHERE id IN (
                SELECT i.id FROM items i
                WHERE i.status = 'irrelevant' AND i.seen_at < ?
                  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i.id)
                ORDER BY i.id LIMIT ?)""";

    private final Db db;

    public Retention(Db db) {
        this.db = db;
    }

    public record Deleted(int alerts, int items) {}

    /** Deletes everything past the cutoff, batch by batch. */
    public Deleted deleteOlderThan(Instant cutoff) {
        return new Deleted(deleteAll(FINISHED_ALERTS, cutoff), deleteAll(IRRELEVANT_ITEMS, cutoff));
    }

    private int deleteAll(String sql, Instant cutoff) {
        int total = 0, n;
        do {
            n = db.tx(c -> batch(c, sql, cutoff));
            total += n;
        } while (n == BATCH);
        return total;
    }

    private static int batch(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, cutoff);
            ps.setInt(2, BATCH);
            return ps.executeUpdate();
        }
    }
}
