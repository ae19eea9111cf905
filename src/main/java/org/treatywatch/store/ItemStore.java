package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/** The items table: one row per article per feed, keyed by its stable guid. */
public final class ItemStore {
    private final Db db;

    public ItemStore(Db db) {
        this.db = db;
    }

    /** A relevant item as the archive search indexes it, with its story's stage and event date. */
    public record Archived(long id, Long storyId, String title, String evidence, String outlet, String url, java.time.Instant seenAt,
                           String stage, java.time.LocalDate eventDate) {}

    /** Relevant items stored after this id, oldest first: what the search index has not seen yet. */
    public List<Archived> archivedAfter(long afterId, int limit) {
        return db.tx(c -> {
            List<Archived> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.id, i.story_id, i.title, i.evidence, i.outlet, i.url, i.seen_at, s.stage, s.event_date
                    FROM items i LEFT JOIN stories s ON s.id = i.story_id
                    WHERE i.id > ? AND i.status = 'relevant'
                    ORDER BY i.id
                    FETCH FIRST ? ROWS ONLY""")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long story = rs.getLong(2);
                        Long storyId = rs.wasNull() ? null : story;
                        java.sql.Date d = rs.getDate(9);
                        out.add(new Archived(rs.getLong(1), storyId, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), Sql.instant(rs, "seen_at"), rs.getString(8), d == null ? null : d.toLocalDate()));
                    }
                }
            }
            return out;
        });
    }

    /** Of these guids, the ones already stored for the feed: one query per 64, not one per item. */
    public java.util.Set<String> knownGuids(String feedId, java.util.Collection<String> guids) {
        if (guids.isEmpty()) return java.util.Set.of();
        java.util.Set<String> stored = db.tx(c -> knownGuids(c, feedId, guids));
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String g : guids) if (stored.contains(Sql.clip(g, 1000))) known.add(g);
        return known;
    }

    private static final int IN_CHUNK = 64;
    private static final String KNOWN_SQL = "SELECT guid FROM items WHERE feed_id = ? AND guid IN ("
            + String.join(", ", java.util.Collections.nCopies(IN_CHUNK, "?")) + ")";

    /** The stored (clipped) guids among these. */
    static java.util.Set<String> knownGuids(Connection c, String feedId, java.util.Collection<String> guids) throws SQLException {
        java.util.Set<String> known = new java.util.HashSet<>();
        List<String> all = guids.stream().map(g -> Sql.clip(g, 1000)).distinct().toList();
        try (PreparedStatement ps = c.prepareStatement(KNOWN_SQL)) {
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                ps.setString(1, feedId);
                // a short last chunk repeats its last guid: one statement text, parsed once
                for (int i = 0; i < IN_CHUNK; i++) ps.setString(2 + i, all.get(Math.min(from + i, all.size() - 1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private static final String INSERT_SQL =
            "INSERT INTO items (feed_id, guid, url, title, published_at, language, status, score, evidence, story_id, simhash, outlet, listed_at, "
                    + "stage, people, places, event_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts items that have no story and no deliveries (baseline and irrelevant ones), listed now, in one batch. */
    static void insertAll(Connection c, List<StoredItem> items, java.time.Instant now) throws SQLException {
        if (items.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(INSERT_SQL)) {
            for (StoredItem item : items) {
                bind(ps, item, null, null, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts an item, listed now, the caller has checked is new to its feed; returns its id. */
    static long insert(Connection c, StoredItem item, Long storyId, PollRecorder.Placement placement, java.time.Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_SQL, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, item, storyId, placement, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, StoredItem item, Long storyId, PollRecorder.Placement placement,
                             java.time.Instant now) throws SQLException {
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
            Sql.setInstant(ps, 13, now);
            // the item's own event facts: a later report is matched against every report of a story
            org.treatywatch.story.StoryKey key = placement == null ? null : placement.key();
            ps.setString(14, key == null ? null : key.stage().orElse(null));
            ps.setString(15, key == null ? null : Sql.clip(String.join(",", key.people()), 400));
            ps.setString(16, key == null ? null : Sql.clip(String.join(",", key.places()), 400));
            if (key != null && key.date().isPresent()) ps.setDate(17, java.sql.Date.valueOf(key.date().get()));
            else ps.setNull(17, Types.DATE);
    }

    /**
     * A listing's irrelevant items are marked as still listed at most this often: a poll of an
     * unchanged feed writes nothing, and retention, which runs every 6 hours, never sees one as gone.
     */
    static final java.time.Duration LISTING_REFRESH = java.time.Duration.ofHours(6);

    private static final String LISTED_SQL = "UPDATE items SET listed_at = ? WHERE feed_id = ? AND guid IN ("
            + String.join(", ", java.util.Collections.nCopies(IN_CHUNK, "?")) + ") "
            + "AND status = 'irrelevant' AND (listed_at IS NULL OR listed_at < ?)";

    /**
     * The feed lists these guids now: its irrelevant items among them not marked as listed for
     * {@link #LISTING_REFRESH} are marked, and the feed's listed_from moves up, so retention keeps
     * exactly what the feed still lists. Only irrelevant items are ever deleted, so only they are marked.
     */
    static void markListed(Connection c, String feedId, java.util.Collection<String> guids, java.time.Instant now) throws SQLException {
        java.time.Instant floor = now.minus(LISTING_REFRESH);
        List<String> all = guids.stream().map(g -> Sql.clip(g, 1000)).distinct().toList();
        if (!all.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(LISTED_SQL)) {
                for (int from = 0; from < all.size(); from += IN_CHUNK) {
                    Sql.setInstant(ps, 1, now);
                    ps.setString(2, feedId);
                    for (int i = 0; i < IN_CHUNK; i++) ps.setString(3 + i, all.get(Math.min(from + i, all.size() - 1)));
                    Sql.setInstant(ps, 3 + IN_CHUNK, floor);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        FeedStore.setListedFrom(c, feedId, floor);
    }
}
