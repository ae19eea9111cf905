package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/** The items table: one row per article per feed, keyed by its stable guid. */
public final class ItemStore {
    private final Db db;

    public ItemStore(Db db) {
        this.db = db;
    }

    public boolean isKnown(String feedId, String guid) {
        return db.tx(c -> isKnown(c, feedId, guid));
    }

    static boolean isKnown(Connection c, String feedId, String guid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM items WHERE feed_id = ? AND guid = ?")) {
            ps.setString(1, feedId);
            ps.setString(2, guid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts an item the caller has checked is new to its feed; returns its id. */
    static long insert(Connection c, StoredItem item, Long storyId, PollRecorder.Placement placement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO items (feed_id, guid, url, title, published_at, language, status, score, evidence, story_id, simhash, outlet) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, item.feedId());
            ps.setString(2, Sql.clip(item.guid(), 1000));
            ps.setString(3, Sql.clip(item.url(), 2000));
            ps.setString(4, Sql.clip(item.title(), 1000));
            Sql.setInstant(ps, 5, item.publishedAt());
            ps.setString(6, item.language());
            ps.setString(7, item.status());
            if (item.status().equals(StoredItem.BASELINE)) ps.setNull(8, Types.DOUBLE);
            else ps.setDouble(8, item.score());
            ps.setString(9, Sql.clip(item.evidence(), 4000));
            if (storyId == null) ps.setNull(10, Types.BIGINT);
            else ps.setLong(10, storyId);
            if (placement == null) ps.setNull(11, Types.BIGINT);
            else ps.setLong(11, placement.simhash());
            ps.setString(12, placement == null ? null : Sql.clip(placement.outlet(), 200));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
