package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the database from growing forever: finished alerts (sent, dead, dropped) and irrelevant
 * items older than the retention are deleted, a small batch per transaction so polling and sending
 * never wait long. Relevant items, stories and pending alerts are kept, and so is what is still
 * needed to recognise what comes in: irrelevant items their feed still lists (deleted, they would be
 * fetched and judged again) and the alerts of stories that can still take reports (deleted, a new
 * report would send a second full alert instead of an edit).
 */
public final class Retention {
    static final int BATCH = 500;

    /**
     * A story takes new reports while one of its items is at most 7 days old or it was reported in
     * the last 3 (pipeline.StoryPlacer's ITEM_WINDOW and STORY_WINDOW): quiet this long, it takes none.
     */
    static final Duration STORY_OPEN = Duration.ofDays(7);

    private static final String FINISHED_ALERTS = """
            DELETE FROM outbox WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE o.status IN ('sent', 'dead', 'dropped') AND o.created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = o.story_id AND s.last_seen >= ?)
                ORDER BY o.id LIMIT ?)""";

    private static final String IRRELEVANT_ITEMS = """
            DELETE FROM items WHERE id IN (
                SELECT i.id FROM items i
                WHERE i.status = 'irrelevant' AND i.seen_at < ?
                  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i.id)
                  AND NOT EXISTS (SELECT 1 FROM feeds f WHERE f.id = i.feed_id AND i.listed_at >= f.listed_from)
                ORDER BY i.id LIMIT ?)""";

    private final Db db;

    public Retention(Db db) {
        this.db = db;
    }

    public record Deleted(int alerts, int items) {}

    /** Deletes, batch by batch, what is older than {@code keep} at {@code now} and no longer needed. */
    public Deleted deleteOlderThan(Duration keep, Instant now) {
        Instant cutoff = now.minus(keep);
        return new Deleted(deleteAll(FINISHED_ALERTS, cutoff, now.minus(STORY_OPEN)), deleteAll(IRRELEVANT_ITEMS, cutoff, null));
    }

    private int deleteAll(String sql, Instant cutoff, Instant storiesSince) {
        int total = 0, n;
        do {
            n = db.tx(c -> batch(c, sql, cutoff, storiesSince));
            total += n;
        } while (n == BATCH);
        return total;
    }

    private static int batch(Connection c, String sql, Instant cutoff, Instant storiesSince) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            Sql.setInstant(ps, i++, cutoff);
            if (storiesSince != null) Sql.setInstant(ps, i++, storiesSince);
            ps.setInt(i, BATCH);
            return ps.executeUpdate();
        }
    }
}
